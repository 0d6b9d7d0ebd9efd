package org.continuum.security.control;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The restore check's walk through every sealed value: what the application sealed opens at its place (a single and a
 * composite primary key), a value moved to another row or sealed by other keys does not, an erased case counts as
 * erased. Never a value in what it reports.
 */
class SealedValuesCheckTest {

    private static final String PASSPHRASE = "unit test, not secret";

    @TempDir
    Path keys;
    @TempDir
    Path otherKeys;

    private Connection c;
    private FieldCipher cipher;

    @BeforeEach
    void database() throws SQLException {
        c = DriverManager.getConnection("jdbc:h2:mem:sealed-check-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE sealing_key (scope VARCHAR(40) PRIMARY KEY, wrapped VARCHAR(200),"
                    + " created_at TIMESTAMP WITH TIME ZONE NOT NULL, destroyed_at TIMESTAMP WITH TIME ZONE)");
            s.execute("CREATE TABLE casefile (id BIGINT PRIMARY KEY, legal_name_enc VARCHAR(400), contact_enc"
                    + " VARCHAR(400))");
            s.execute("CREATE TABLE risk_factor (assessment_id BIGINT, position INT, actor_enc VARCHAR(400),"
                    + " PRIMARY KEY (assessment_id, position))");
        }
        KeyFolder folder = new KeyFolder(keys);
        cipher = FieldCipher.open(folder, MasterKey.open(folder, PASSPHRASE.toCharArray()));
        SealingKeys sealing = new SealingKeys(cipher);
        SealingKeys.Made made = new SealingKeys.Made();
        for (long id = 1; id <= 3; id++) {
            String scope = "case-" + id;
            var key = sealing.forSealing(scope, c, made);
            insert("INSERT INTO casefile VALUES (?, ?, ?)", id,
                    SealingListener.seal(key, scope, "CASEFILE/LEGAL_NAME_ENC/" + id, "Имя " + id),
                    SealingListener.seal(key, scope, "CASEFILE/CONTACT_ENC/" + id, "+33 6 00 00 00 0" + id));
            insert("INSERT INTO risk_factor VALUES (?, ?, ?)", id, 2,
                    SealingListener.seal(key, scope, "RISK_FACTOR/ACTOR_ENC/" + id + "/2", "الشرطة"));
        }
    }

    private void insert(String sql, Object... values) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                p.setObject(i + 1, values[i]);
            }
            p.executeUpdate();
        }
    }

    private void update(String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    @Test
    void everyValueOpensAtItsPlace() throws SQLException {
        SealedValuesCheck.Outcome outcome = SealedValuesCheck.openEvery(c, cipher);
        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.opened()).isEqualTo(9);
        assertThat(outcome.byTable()).containsEntry("CASEFILE", 6L).containsEntry("RISK_FACTOR", 3L);
    }

    @Test
    void aValueMovedToAnotherRowDoesNotOpenAndIsNamedByItsPlaceOnly() throws SQLException {
        update("UPDATE casefile SET legal_name_enc = (SELECT legal_name_enc FROM casefile WHERE id = 1) WHERE id = 2");
        update("UPDATE risk_factor SET position = 3 WHERE assessment_id = 3");
        SealedValuesCheck.Outcome outcome = SealedValuesCheck.openEvery(c, cipher);
        assertThat(outcome.failures()).containsExactlyInAnyOrder(
                "CASEFILE/LEGAL_NAME_ENC/2: does not open (IllegalStateException)",
                "RISK_FACTOR/ACTOR_ENC/3/3: does not open (IllegalStateException)");
        assertThat(outcome.opened()).isEqualTo(7);
        assertThat(String.join(" ", outcome.failures())).doesNotContain("Имя").doesNotContain("الشرطة");
    }

    @Test
    void anotherInstallationsKeysOpenNothing() throws SQLException {
        KeyFolder other = new KeyFolder(otherKeys);
        FieldCipher foreign = FieldCipher.open(other, MasterKey.open(other, PASSPHRASE.toCharArray()));
        SealedValuesCheck.Outcome outcome = SealedValuesCheck.openEvery(c, foreign);
        assertThat(outcome.opened()).isZero();
        assertThat(outcome.failures()).hasSize(9);
    }

    @Test
    void anErasedCaseCountsAsErasedAndAValueWithoutItsKeyFails() throws SQLException {
        update("UPDATE sealing_key SET wrapped = NULL WHERE scope = 'case-1'");
        update("UPDATE casefile SET contact_enc = 'erased' WHERE id = 2");
        update("DELETE FROM sealing_key WHERE scope = 'case-3'");
        SealedValuesCheck.Outcome outcome = SealedValuesCheck.openEvery(c, cipher);
        assertThat(outcome.erased()).as("case 1's three values, case 2's contact").isEqualTo(4);
        assertThat(outcome.opened()).as("case 2's name and factor").isEqualTo(2);
        assertThat(outcome.failures()).hasSize(3).allMatch(f -> f.endsWith("no data key for case-3"));
    }
}
