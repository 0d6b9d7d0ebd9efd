package org.continuum.security;

import org.continuum.platform.MigrationContext;
import org.continuum.security.control.FieldCipher;
import org.continuum.security.control.SealedLinksMigration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S16 (part): an existing database keeps every partner link, destination and timeline summary after the upgrade,
 * sealed, and loses the clear copy. The tables hold only the columns the migration touches.
 */
class SealedLinksMigrationTest {

    @TempDir
    Path keys;

    @Test
    void clearLinksBecomeSealedAndTheClearColumnsAreGone() throws Exception {
        FieldCipher cipher = TestKeys.cipher(keys);
        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:sealed-links;DB_CLOSE_DELAY=-1");
             Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE partner (id BIGINT PRIMARY KEY)");
            sql.execute("CREATE TABLE casefile (id BIGINT PRIMARY KEY, referral_partner_id BIGINT REFERENCES partner"
                    + " (id), relocation_partner_id BIGINT REFERENCES partner (id), destination_country VARCHAR(2),"
                    + " handover_partner_id BIGINT REFERENCES partner (id))");
            sql.execute("CREATE TABLE referral (id BIGINT PRIMARY KEY, partner_id BIGINT NOT NULL REFERENCES partner"
                    + " (id))");
            sql.execute("CREATE TABLE consent (id BIGINT PRIMARY KEY, partner_id BIGINT REFERENCES partner (id))");
            sql.execute("CREATE TABLE case_event (id BIGINT PRIMARY KEY, summary VARCHAR(200))");
            sql.execute("INSERT INTO partner VALUES (7), (8)");
            sql.execute("INSERT INTO casefile VALUES (1, 7, 8, 'CA', 7), (2, NULL, NULL, NULL, NULL)");
            sql.execute("INSERT INTO referral VALUES (1, 8)");
            sql.execute("INSERT INTO consent VALUES (1, 7), (2, NULL)");
            sql.execute("INSERT INTO case_event VALUES (1, 'scope=PERMANENT destination=CA partner=canary-partner')");

            new SealedLinksMigration(cipher).migrate(MigrationContext.on(db));

            assertThat(columns(db, "CASEFILE")).containsExactlyInAnyOrder("ID", "REFERRAL_PARTNER_ENC",
                    "RELOCATION_PARTNER_ENC", "DESTINATION_ENC", "HANDOVER_PARTNER_ENC");
            assertThat(columns(db, "REFERRAL")).containsExactlyInAnyOrder("ID", "PARTNER_ENC");
            assertThat(columns(db, "CASE_EVENT")).containsExactlyInAnyOrder("ID", "SUMMARY_ENC");
            try (ResultSet row = sql.executeQuery("SELECT referral_partner_enc, relocation_partner_enc,"
                    + " destination_enc, handover_partner_enc FROM casefile WHERE id = 1")) {
                row.next();
                assertThat(cipher.open(row.getString(1))).isEqualTo("7");
                assertThat(cipher.open(row.getString(2))).isEqualTo("8");
                assertThat(cipher.open(row.getString(3))).isEqualTo("CA");
                assertThat(row.getString(4)).as("a different ciphertext for the same partner")
                        .isNotEqualTo(row.getString(1));
                assertThat(cipher.open(row.getString(4))).isEqualTo("7");
            }
            try (ResultSet row = sql.executeQuery("SELECT destination_enc FROM casefile WHERE id = 2")) {
                row.next();
                assertThat(row.getString(1)).as("nothing stays nothing").isNull();
            }
            try (ResultSet row = sql.executeQuery("SELECT r.partner_enc, e.summary_enc FROM referral r, case_event e")) {
                row.next();
                assertThat(cipher.open(row.getString(1))).isEqualTo("8");
                assertThat(row.getString(2)).doesNotContain("canary");
                assertThat(cipher.open(row.getString(2))).endsWith("partner=canary-partner");
            }
        }
    }

    private static List<String> columns(Connection db, String table) throws Exception {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = db.getMetaData().getColumns(null, null, table, null)) {
            while (rs.next()) {
                names.add(rs.getString("COLUMN_NAME"));
            }
        }
        return names;
    }
}
