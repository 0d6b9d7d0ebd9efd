package org.continuum.security.control;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * S16: sealing through Hibernate's events on a real session factory (H2, real keys). A value is sealed with its case
 * file's data key and bound to its table, column and row; the entity keeps its clear value and is not written again
 * for nothing; a value copied to another row, column or table does not open, and says where; a destroyed key makes
 * its values read as erased.
 */
class SealingListenerTest {

    private static final String URL = "jdbc:h2:mem:sealing-listener;DB_CLOSE_DELAY=-1";

    @TempDir
    static Path keysFolder;

    static SessionFactory factory;
    static SealingKeys keys;

    @BeforeAll
    static void start() throws Exception {
        KeyFolder folder = new KeyFolder(keysFolder);
        FieldCipher cipher = FieldCipher.open(folder, MasterKey.open(folder, "unit test, not secret".toCharArray()));
        keys = new SealingKeys(cipher);
        SealingListener.use(keys);
        try (Connection c = DriverManager.getConnection(URL); Statement sql = c.createStatement()) {
            sql.execute("CREATE TABLE sealing_key (scope VARCHAR(40) PRIMARY KEY, wrapped VARCHAR(200),"
                    + " created_at TIMESTAMP WITH TIME ZONE NOT NULL, destroyed_at TIMESTAMP WITH TIME ZONE)");
            sql.execute("CREATE SEQUENCE sealed_note_ids START WITH 1 INCREMENT BY 50");
            sql.execute("CREATE TABLE sealed_note (id BIGINT PRIMARY KEY, casefile_id BIGINT, secret_enc VARCHAR(400),"
                    + " partner_enc VARCHAR(400), title VARCHAR(100), inner_enc VARCHAR(400), version BIGINT)");
            sql.execute("CREATE TABLE other_note AS SELECT * FROM sealed_note WITH NO DATA");
        }
        factory = new Configuration().addAnnotatedClass(SealedNote.class)
                .setProperty("hibernate.connection.url", URL)
                .setProperty("hibernate.hbm2ddl.auto", "none")
                .setProperty("hibernate.id.optimizer.pooled.preferred", "pooled-lo")
                .setProperty("hibernate.generate_statistics", "true")
                .buildSessionFactory();
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    private static long save(long caseFileId, String secret) {
        try (Session session = factory.openSession()) {
            var tx = session.beginTransaction();
            SealedNote note = new SealedNote();
            note.caseFileId = caseFileId;
            note.secret = secret;
            note.partner = "42";
            note.title = "t";
            note.part = new SealedNote.Part("inner " + secret);
            session.persist(note);
            session.flush();
            assertThat(note.secret).as("the entity keeps its clear value").isEqualTo(secret);
            assertThat(note.part.inner).isEqualTo("inner " + secret);
            tx.commit();
            return note.id;
        }
    }

    private static SealedNote load(long id) {
        try (Session session = factory.openSession()) {
            return session.get(SealedNote.class, id);
        }
    }

    private static String stored(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void aValueIsSealedWithItsCaseKeyBoundToItsRowAndOpensAgain() throws Exception {
        long id = save(7, "canary-Ярослава-ياسمين");
        String secret = stored("SELECT secret_enc FROM sealed_note WHERE id = " + id);
        assertThat(secret).startsWith("v2:case-7:").doesNotContain("canary");
        assertThat(stored("SELECT inner_enc FROM sealed_note WHERE id = " + id)).startsWith("v2:case-7:");
        assertThat(stored("SELECT COUNT(*) FROM sealing_key WHERE scope = 'case-7'")).isEqualTo("1");

        SealedNote loaded = load(id);
        assertThat(loaded.secret).isEqualTo("canary-Ярослава-ياسمين");
        assertThat(loaded.partner).isEqualTo("42");
        assertThat(loaded.part.inner).isEqualTo("inner canary-Ярослава-ياسمين");
    }

    @Test
    void nothingIsWrittenAgainUnlessAFieldChanged() {
        long id = save(8, "first");
        var statistics = factory.getStatistics();
        try (Session session = factory.openSession()) {
            var tx = session.beginTransaction();
            SealedNote note = session.get(SealedNote.class, id);
            long before = statistics.getEntityUpdateCount();
            session.flush();
            assertThat(statistics.getEntityUpdateCount()).as("a loaded row is not dirty").isEqualTo(before);
            note.secret = "second";
            session.flush();
            assertThat(statistics.getEntityUpdateCount()).isEqualTo(before + 1);
            assertThat(note.secret).isEqualTo("second");
            session.flush();
            assertThat(statistics.getEntityUpdateCount()).as("written once").isEqualTo(before + 1);
            tx.commit();
        }
        assertThat(load(id).secret).isEqualTo("second");
    }

    @Test
    void aValueCopiedToAnotherRowColumnOrTableDoesNotOpenAndSaysWhere() throws Exception {
        long first = save(9, "alpha");
        long second = save(9, "beta");
        execute("UPDATE sealed_note SET secret_enc = (SELECT secret_enc FROM sealed_note WHERE id = " + first
                + ") WHERE id = " + second);
        assertThatThrownBy(() -> load(second)).hasRootCauseInstanceOf(javax.crypto.AEADBadTagException.class)
                .hasMessageContaining("sealed_note/secret_enc/" + second);

        long third = save(9, "gamma");
        execute("UPDATE sealed_note SET title = 'x', inner_enc = secret_enc WHERE id = " + third);
        assertThatThrownBy(() -> load(third)).hasMessageContaining("sealed_note/inner_enc/" + third);

        long fourth = save(10, "delta");
        execute("INSERT INTO other_note SELECT * FROM sealed_note WHERE id = " + fourth);
        execute("DELETE FROM sealed_note WHERE id = " + fourth);
        execute("INSERT INTO sealed_note SELECT * FROM other_note WHERE id = " + fourth);
        assertThat(load(fourth).secret).as("the same row put back opens").isEqualTo("delta");
        execute("UPDATE sealed_note SET id = " + (fourth + 1000) + " WHERE id = " + fourth);
        assertThatThrownBy(() -> load(fourth + 1000)).hasMessageContaining("does not open");

        execute("UPDATE sealed_note SET secret_enc = 'plain text' WHERE id = " + first);
        assertThatThrownBy(() -> load(first)).hasMessageContaining("not a sealed value");
    }

    @Test
    void aDestroyedKeyLeavesErasedValues() throws Exception {
        long id = save(11, "to be forgotten");
        execute("UPDATE sealing_key SET wrapped = NULL, destroyed_at = CURRENT_TIMESTAMP WHERE scope = 'case-11'");
        keys.forget("case-11");
        SealedNote erased = load(id);
        assertThat(erased.secret).isEmpty();
        assertThat(erased.partner).as("an erased number is no number").isNull();
        assertThat(erased.part.inner).isEmpty();
        assertThatThrownBy(() -> save(11, "more")).hasMessageContaining("destroyed");
    }
}
