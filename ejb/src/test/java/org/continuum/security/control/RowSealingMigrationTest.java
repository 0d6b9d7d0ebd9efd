package org.continuum.security.control;

import org.continuum.platform.MigrationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * S16 upgrade: every sealed value of a database written by the version before V40 (one field key for everything)
 * is sealed again with the data key of its case file or mail draft and bound to its row; each opens to what it was,
 * only where it is. The tables hold the columns the migration reads.
 */
class RowSealingMigrationTest {

    @TempDir
    Path keysFolder;

    /** Columns the scope and row names of V40 read, beside the sealed ones. */
    private static final List<String> LINKS = List.of("id", "casefile_id", "mail_intake_id", "grant_id",
            "escalation_id", "assessment_id", "position", "continuum_step", "programme_id", "year_number");

    @Test
    void everySealedValueOpensAfterTheMigrationWithItsCaseKeyAndOnlyInItsRow() throws Exception {
        KeyFolder folder = new KeyFolder(keysFolder);
        FieldCipher cipher = FieldCipher.open(folder, MasterKey.open(folder, "unit test, not secret".toCharArray()));
        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:row-sealing;DB_CLOSE_DELAY=-1");
             Statement sql = db.createStatement()) {
            for (RowSealingMigration.Table table : RowSealingMigration.TABLES) {
                Set<String> columns = new LinkedHashSet<>();
                LINKS.forEach(c -> columns.add(c + " BIGINT"));
                table.sealed().forEach(c -> columns.add(c + " VARCHAR(400)"));
                if (table.name().equals("casefile")) {
                    columns.add("erased_at TIMESTAMP");
                }
                sql.execute("CREATE TABLE " + table.name() + " (" + String.join(", ", columns) + ")");
            }
            // Case file 1 with a grant, an escalation and an assessment; case file 2 erased; mail draft 5.
            sql.execute("INSERT INTO casefile (id, erased_at) VALUES (1, NULL), (2, CURRENT_TIMESTAMP)");
            sql.execute("INSERT INTO grant_request (id, casefile_id) VALUES (30, 1)");
            sql.execute("INSERT INTO escalation (id, casefile_id) VALUES (40, 1)");
            sql.execute("INSERT INTO risk_assessment (id, casefile_id) VALUES (50, 1)");
            sql.execute("INSERT INTO mail_intake (id) VALUES (5)");
            List<String[]> expected = new ArrayList<>();
            for (RowSealingMigration.Table table : RowSealingMigration.TABLES) {
                String link = switch (table.name()) {
                    case "casefile", "grant_request", "escalation", "risk_assessment", "mail_intake" -> null;
                    case "disbursement", "grant_decision" -> "id, grant_id) VALUES (31, 30";
                    case "escalation_evidence" -> "escalation_id, continuum_step) VALUES (40, 2";
                    case "risk_factor" -> "assessment_id, position) VALUES (50, 3";
                    case "mail_attachment", "request_message" -> "id, mail_intake_id) VALUES (6, 5";
                    case "case_document" -> "id, mail_intake_id) VALUES (7, 5";
                    case "case_retention" -> "casefile_id) VALUES (1";
                    case "programme_year" -> "programme_id, year_number) VALUES (9, 2026";
                    default -> "id, casefile_id) VALUES (8, 1";
                };
                if (link != null) {
                    sql.execute("INSERT INTO " + table.name() + " (" + link + ")");
                }
            }
            for (RowSealingMigration.Table table : RowSealingMigration.TABLES) {
                for (String column : table.sealed()) {
                    String clear = "canary " + table.name() + "." + column + " Ёлкина ياسمين";
                    try (PreparedStatement put = db.prepareStatement("UPDATE " + table.name() + " SET " + column
                            + " = ?")) {
                        put.setString(1, cipher.seal(clear));
                        put.executeUpdate();
                    }
                    expected.add(new String[]{table.name(), column, clear});
                }
            }

            new RowSealingMigration(cipher).migrate(MigrationContext.on(db));

            SealingKeys keys = new SealingKeys(cipher);
            SealingKeys.Made none = new SealingKeys.Made();
            int opened = 0;
            for (String[] value : expected) {
                RowSealingMigration.Table table = RowSealingMigration.TABLES.stream()
                        .filter(t -> t.name().equals(value[0])).findFirst().orElseThrow();
                String key = String.join(" || '/' || ", table.key());
                try (ResultSet rows = sql.executeQuery("SELECT " + key + ", " + value[1] + " FROM " + value[0])) {
                    while (rows.next()) {
                        String stored = rows.getString(2);
                        assertThat(stored).doesNotContain("canary").startsWith("v2:");
                        String where = value[0] + "/" + value[1] + "/" + rows.getString(1);
                        String clear = SealingListener.open(where, stored, false,
                                scope -> keys.forOpening(scope, db, none));
                        if (stored.startsWith("v2:case-2:")) {
                            assertThat(clear).as("the erased case file's key is destroyed").isEmpty();
                        } else {
                            assertThat(clear).as(where).isEqualTo(value[2]);
                            opened++;
                        }
                    }
                }
            }
            assertThat(opened).as("every value of the live case, the draft and the organisation")
                    .isEqualTo(expected.size());
            try (ResultSet scopes = sql.executeQuery("SELECT scope FROM sealing_key WHERE wrapped IS NOT NULL"
                    + " ORDER BY scope")) {
                List<String> live = new ArrayList<>();
                while (scopes.next()) {
                    live.add(scopes.getString(1));
                }
                assertThat(live).containsExactly("case-1", "draft-5", "general");
            }
            String name = null;
            try (ResultSet first = sql.executeQuery("SELECT legal_name_enc FROM casefile WHERE id = 1")) {
                first.next();
                name = first.getString(1);
            }
            String moved = name;
            assertThatThrownBy(() -> SealingListener.open("casefile/contact_enc/1", moved, false,
                    scope -> keys.forOpening(scope, db, none))).as("not in another column")
                    .hasMessageContaining("casefile/contact_enc/1");
        }
    }
}
