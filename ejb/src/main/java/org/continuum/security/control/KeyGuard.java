package org.continuum.security.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Makes sure the keys opened are the keys of this database, so that a lost or swapped key folder stops the start
 * instead of making every sealed field unreadable (S16). At the cipher's first use (forced at start, before the
 * migrations) it refuses an empty key folder
 * when the database already holds sealed data (new keys would be generated and nothing would open again), and keys
 * that do not open the database's check values (table {@code key_check}, V32; for a database from before V32, one
 * sealed name and its blind index). After the migrations it records the check values of the keys once.
 */
@ApplicationScoped
public class KeyGuard {

    private static final Logger LOG = Logger.getLogger(KeyGuard.class.getName());
    static final String CHECK_TEXT = "continuum key check";
    static final String SEALING = "field-aead";
    static final String INDEX = "blind-index";

    @Resource(lookup = "java:jboss/datasources/ContinuumDS")
    DataSource dataSource;

    @Inject
    FieldCipherProducer ciphers;

    /**
     * Before the migrations: opens the keys now, so that lost or foreign keys stop the start at once (every other
     * first use of the cipher goes through the same check, {@link #open(DataSource, KeyFolder)}).
     */
    public void refuseLostOrForeignKeys() {
        ciphers.cipher();
    }

    /** The cipher of {@code folder}, opened only when that is safe for the database ({@link FieldCipherProducer}). */
    static FieldCipher open(DataSource dataSource, KeyFolder folder) {
        try (Connection c = dataSource.getConnection()) {
            return check(c, folder, () -> FieldCipher.open(folder, MasterKey.open(folder,
                    KeyPassphrase.resolve(folder.dir()))));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot compare the keys with the database", e);
        }
    }

    /** After the migrations: keeps the check values of the keys in use (once per database). */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void remember() {
        try (Connection c = dataSource.getConnection()) {
            remember(c, ciphers.cipher());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the key check values", e);
        }
    }

    /** Opens the cipher with {@code open} only when that is safe for the database behind {@code c}. */
    static FieldCipher check(Connection c, KeyFolder folder, Supplier<FieldCipher> open) throws SQLException {
        Optional<String> sealedIn = sealedDataIn(c);
        if (sealedIn.isPresent() && !FieldCipher.keysIn(folder)) {
            throw new IllegalStateException("Refusing to start: the database holds sealed data (" + sealedIn.get()
                    + ") but the key folder " + folder.dir() + " has no keys. New keys would make every sealed field"
                    + " unreadable. Restore the key folder from its backup, or point -D" + KeyFolder.KEYS_DIR_PROPERTY
                    + " at it.");
        }
        FieldCipher cipher = open.get();
        if (sealedIn.isPresent() && !opensTheDatabase(c, cipher)) {
            throw new IllegalStateException("Refusing to start: the keys in " + folder.dir() + " are not the keys of"
                    + " this database (they do not open its check values). Restore this database's own key folder.");
        }
        return cipher;
    }

    static void remember(Connection c, FieldCipher cipher) throws SQLException {
        List<String[]> values = List.of(new String[]{SEALING, cipher.seal(CHECK_TEXT)},
                new String[]{INDEX, cipher.blindIndex(CHECK_TEXT)});
        for (String[] value : values) {
            if (stored(c, value[0]).isEmpty()) {
                try (PreparedStatement insert = c.prepareStatement(
                        "insert into key_check (purpose, check_value, created_at) values (?, ?, ?)")) {
                    insert.setString(1, value[0]);
                    insert.setString(2, value[1]);
                    insert.setTimestamp(3, Timestamp.from(Instant.now()));
                    insert.executeUpdate();
                }
                LOG.info(() -> "Key check value recorded: " + value[0]);
            }
        }
    }

    /** Where the database holds sealed data, if it does. */
    private static Optional<String> sealedDataIn(Connection c) throws SQLException {
        for (String table : List.of("key_check", "casefile", "mail_intake")) {
            if (exists(c, table)) {
                try (PreparedStatement any = c.prepareStatement("select 1 from " + table + " fetch first 1 rows only");
                     ResultSet rs = any.executeQuery()) {
                    if (rs.next()) {
                        return Optional.of(table);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean opensTheDatabase(Connection c, FieldCipher cipher) throws SQLException {
        boolean checks = exists(c, "key_check");
        Optional<String> sealed = checks ? stored(c, SEALING) : Optional.empty();
        Optional<String> index = checks ? stored(c, INDEX) : Optional.empty();
        if (sealed.isPresent() || index.isPresent()) {
            return sealed.map(s -> opens(cipher, s, CHECK_TEXT)).orElse(true)
                    && index.map(i -> cipher.blindIndexes(CHECK_TEXT).contains(i)).orElse(true);
        }
        // A database from before the check values: one sealed name, and its blind index.
        if (exists(c, "casefile")) {
            try (PreparedStatement one = c.prepareStatement("select legal_name_enc, legal_name_index from casefile"
                    + " order by id fetch first 1 rows only"); ResultSet rs = one.executeQuery()) {
                if (rs.next()) {
                    try {
                        return cipher.blindIndex(cipher.open(rs.getString(1))).equals(rs.getString(2));
                    } catch (IllegalStateException foreign) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static boolean opens(FieldCipher cipher, String sealed, String expected) {
        try {
            return expected.equals(cipher.open(sealed));
        } catch (IllegalStateException foreign) {
            return false;
        }
    }

    private static Optional<String> stored(Connection c, String purpose) throws SQLException {
        try (PreparedStatement read = c.prepareStatement("select check_value from key_check where purpose = ?")) {
            read.setString(1, purpose);
            try (ResultSet rs = read.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = meta.getTables(null, null, name, new String[]{"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
