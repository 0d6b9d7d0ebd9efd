package org.continuum.security.control;

import com.google.crypto.tink.Aead;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Opens every sealed value of a database with a key folder, offline: the check after a restore that the database and
 * the key folder belong together and that nothing sealed was lost on the way. A sealed column is one whose name ends
 * in {@code _enc}; each value opens only with its scope's data key (table {@code sealing_key}, unwrapped by the
 * folder's field keys) and only at its place (table, column and the row's primary key, joined by "/", as the
 * application sealed it). Values of erased case files (key destroyed) count as erased. Prints counts, never a value.
 *
 * <p>Command ({@code tools/restore-check.sh}): {@code SealedValuesCheck <jdbc-url> <user> <key folder>}, the database
 * password in {@code CONTINUUM_DB_PASSWORD} and the keys passphrase in {@value KeyPassphrase#ENVIRONMENT}.
 */
public final class SealedValuesCheck {

    /** What a walk found: values opened, erased, and the places (never the values) that did not open. */
    public record Outcome(long opened, long erased, Map<String, Long> byTable, List<String> failures) {
        public boolean allOpen() {
            return failures.isEmpty();
        }
    }

    private static final int FAILURES_SHOWN = 20;

    private SealedValuesCheck() {
    }

    /** Opens every sealed value {@code c} holds with {@code cipher}'s field keys. */
    public static Outcome openEvery(Connection c, FieldCipher cipher) throws SQLException {
        SealingKeys unwrapping = new SealingKeys(cipher);
        Map<String, String> wrapped = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT scope, wrapped FROM sealing_key")) {
            while (r.next()) {
                wrapped.put(r.getString(1), r.getString(2));
            }
        }
        Map<String, Optional<Aead>> keys = new HashMap<>();
        long[] counts = new long[2];
        Map<String, Long> byTable = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, List<String>> table : sealedColumns(c).entrySet()) {
            List<String> key = primaryKey(c, table.getKey());
            if (key.isEmpty()) {
                failures.add(table.getKey() + ": no primary key, its values cannot be placed");
                continue;
            }
            // Names from the database's own catalogue, quoted.
            List<String> columns = new ArrayList<>(key);
            columns.addAll(table.getValue());
            String select = "SELECT " + String.join(", ", columns.stream().map(SealedValuesCheck::quoted).toList())
                    + " FROM " + quoted(table.getKey());
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(select)) {
                while (r.next()) {
                    List<String> parts = new ArrayList<>();
                    for (int i = 1; i <= key.size(); i++) {
                        parts.add(r.getString(i));
                    }
                    String row = String.join("/", parts);
                    for (int i = 0; i < table.getValue().size(); i++) {
                        String stored = r.getString(key.size() + 1 + i);
                        String where = table.getKey() + "/" + table.getValue().get(i) + "/" + row;
                        open(where, stored, wrapped, keys, unwrapping, counts, failures);
                        if (stored != null) {
                            byTable.merge(table.getKey(), 1L, Long::sum);
                        }
                    }
                }
            }
        }
        return new Outcome(counts[0], counts[1], byTable, failures);
    }

    private static void open(String where, String stored, Map<String, String> wrapped,
                             Map<String, Optional<Aead>> keys, SealingKeys unwrapping, long[] counts,
                             List<String> failures) {
        if (stored == null) {
            return;
        }
        String scope = SealingListener.scopeOf(stored);
        if (scope == null) {
            if (SealingListener.ERASED.equals(stored)) {
                counts[1]++;
            } else {
                failures.add(where + ": not a sealed value");
            }
            return;
        }
        if (!wrapped.containsKey(scope)) {
            failures.add(where + ": no data key for " + scope);
            return;
        }
        try {
            Optional<Aead> key = keys.computeIfAbsent(scope, s -> wrapped.get(s) == null ? Optional.empty()
                    : Optional.of(unwrapping.fromCopy(s, wrapped.get(s))));
            SealingListener.open(where, stored, false, s -> key);
            counts[key.isPresent() ? 0 : 1]++;
        } catch (RuntimeException e) {
            failures.add(where + ": does not open (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static Map<String, List<String>> sealedColumns(Connection c) throws SQLException {
        Map<String, List<String>> columns = new TreeMap<>();
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet r = meta.getColumns(c.getCatalog(), c.getSchema(), "%", "%")) {
            while (r.next()) {
                String column = r.getString("COLUMN_NAME");
                if (column.toLowerCase(java.util.Locale.ROOT).endsWith("_enc")) {
                    columns.computeIfAbsent(r.getString("TABLE_NAME"), t -> new ArrayList<>()).add(column);
                }
            }
        }
        return columns;
    }

    private static List<String> primaryKey(Connection c, String table) throws SQLException {
        Map<Integer, String> bySequence = new TreeMap<>();
        try (ResultSet r = c.getMetaData().getPrimaryKeys(c.getCatalog(), c.getSchema(), table)) {
            while (r.next()) {
                bySequence.put(r.getInt("KEY_SEQ"), r.getString("COLUMN_NAME"));
            }
        }
        return new ArrayList<>(bySequence.values());
    }

    public static void main(String[] args) throws SQLException {
        if (args.length != 3) {
            System.err.println("usage: SealedValuesCheck <jdbc-url> <user> <key folder>  (CONTINUUM_DB_PASSWORD and "
                    + KeyPassphrase.ENVIRONMENT + " in the environment)");
            System.exit(2);
        }
        String passphrase = System.getenv(KeyPassphrase.ENVIRONMENT);
        if (passphrase == null || passphrase.isEmpty()) {
            System.err.println("Give the keys passphrase in " + KeyPassphrase.ENVIRONMENT);
            System.exit(2);
        }
        KeyFolder folder = new KeyFolder(Path.of(args[2]));
        if (!folder.holds(FieldCipher.AEAD_KEYSET) || !folder.holds(FieldCipher.INDEX_KEYSET)) {
            // Opening would make new keys in it: a check writes nothing.
            System.err.println("No keysets in " + folder.dir() + ": restore the key folder first");
            System.exit(2);
        }
        FieldCipher cipher = FieldCipher.open(folder, MasterKey.open(folder, passphrase.toCharArray()));
        try (Connection c = DriverManager.getConnection(args[0], args[1], System.getenv("CONTINUUM_DB_PASSWORD"))) {
            c.setReadOnly(true);
            Outcome o = openEvery(c, cipher);
            o.failures().stream().limit(FAILURES_SHOWN).forEach(f -> System.out.println("DOES NOT OPEN " + f));
            System.out.println((o.allOpen() ? "ALL OPEN" : "NOT ALL OPEN") + ": " + o.opened() + " sealed values"
                    + " opened, " + o.erased() + " erased, " + o.failures().size() + " did not open, in "
                    + o.byTable().size() + " tables");
            System.exit(o.allOpen() ? 0 : 1);
        }
    }
}
