package org.continuum.security.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * S16: a start with a lost or swapped key folder is refused before anything is sealed, on a real H2 database with
 * the tables the guard reads.
 */
class KeyGuardTest {

    private static final AtomicLong DATABASES = new AtomicLong();
    private static final String PASSPHRASE = "unit-test passphrase, not secret";

    @TempDir
    Path keys;

    @TempDir
    Path otherKeys;

    private static Connection database() throws Exception {
        Connection c = DriverManager.getConnection("jdbc:h2:mem:key-guard-" + DATABASES.incrementAndGet());
        try (Statement sql = c.createStatement()) {
            sql.execute("CREATE TABLE casefile (id BIGINT PRIMARY KEY, legal_name_enc VARCHAR(1024) NOT NULL,"
                    + " legal_name_index VARCHAR(64) NOT NULL)");
            sql.execute("CREATE TABLE mail_intake (id BIGINT PRIMARY KEY)");
        }
        return c;
    }

    private static void keyCheckTable(Connection c) throws Exception {
        try (Statement sql = c.createStatement()) {
            sql.execute("CREATE TABLE key_check (purpose VARCHAR(40) PRIMARY KEY, check_value VARCHAR(400) NOT NULL,"
                    + " created_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        }
    }

    private static FieldCipher open(Path folder) {
        KeyFolder keys = new KeyFolder(folder);
        return FieldCipher.open(keys, MasterKey.open(keys, PASSPHRASE.toCharArray()));
    }

    private static void caseFile(Connection c, FieldCipher cipher, String name) throws Exception {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO casefile VALUES (1, ?, ?)")) {
            insert.setString(1, cipher.seal(name));
            insert.setString(2, cipher.blindIndex(name));
            insert.executeUpdate();
        }
    }

    @Test
    void anEmptyDatabaseGetsNewKeysAndRemembersThem() throws Exception {
        try (Connection c = database()) {
            FieldCipher cipher = KeyGuard.check(c, new KeyFolder(keys), () -> open(keys));
            assertThat(FieldCipher.keysIn(new KeyFolder(keys))).isTrue();
            keyCheckTable(c);
            KeyGuard.remember(c, cipher);
            KeyGuard.remember(c, cipher);
            try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM key_check")) {
                rs.next();
                assertThat(rs.getInt(1)).as("once").isEqualTo(2);
            }
            assertThat(KeyGuard.check(c, new KeyFolder(keys), () -> open(keys))).as("the same keys again")
                    .isNotNull();
        }
    }

    @Test
    void sealedDataAndAnEmptyKeyFolderStopTheStartWithoutMakingKeys() throws Exception {
        try (Connection c = database()) {
            caseFile(c, open(keys), "Анна Смирнова");
            Path empty = Files.createDirectories(otherKeys.resolve("keys"));
            assertThatThrownBy(() -> KeyGuard.check(c, new KeyFolder(empty), () -> open(empty)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("has no keys")
                    .hasMessageContaining("casefile").hasMessageNotContaining("Анна");
            try (var files = Files.list(empty)) {
                assertThat(files).as("no key was made").isEmpty();
            }
        }
    }

    @Test
    void aForeignKeyFolderIsRefusedWithTheCheckValuesAndBeforeThem() throws Exception {
        try (Connection c = database()) {
            FieldCipher own = open(keys);
            caseFile(c, own, "ليلى منصور");
            open(otherKeys);
            assertThatThrownBy(() -> KeyGuard.check(c, new KeyFolder(otherKeys), () -> open(otherKeys)))
                    .as("a database from before the check values: one sealed name tells")
                    .hasMessageContaining("not the keys of this database");
            assertThat(KeyGuard.check(c, new KeyFolder(keys), () -> open(keys))).isNotNull();

            keyCheckTable(c);
            KeyGuard.remember(c, own);
            try (Statement sql = c.createStatement()) {
                sql.execute("DELETE FROM casefile");
            }
            assertThatThrownBy(() -> KeyGuard.check(c, new KeyFolder(otherKeys), () -> open(otherKeys)))
                    .as("the check values tell, with no case file left").hasMessageContaining("not the keys");
            assertThat(KeyGuard.check(c, new KeyFolder(keys), () -> open(keys))).isNotNull();
        }
    }

    @Test
    void aMailDraftAloneIsSealedDataToo() throws Exception {
        try (Connection c = database(); Statement sql = c.createStatement()) {
            sql.execute("INSERT INTO mail_intake VALUES (1)");
            assertThatThrownBy(() -> KeyGuard.check(c, new KeyFolder(keys), () -> open(keys)))
                    .hasMessageContaining("mail_intake");
        }
    }
}
