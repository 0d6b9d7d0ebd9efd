package org.continuum.security.control;

import org.continuum.platform.MappedEntities;
import org.continuum.platform.control.DatabaseMigration;
import org.continuum.platform.control.RowIdSequences;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S16 upgrade, on data an earlier version really wrote: the fixture is the demo database (H2 {@code SCRIPT}) and the
 * key folder of the version before row-bound sealing (migrations up to V38, one field key for every value), as its
 * {@code run.sh} left them. This version's start is replayed on it: the key guard, every migration since, the guard
 * again; then every sealed value of every table opens with its case file's or request's data key, in its own row.
 */
class UpgradeFromEarlierVersionTest {

    private static final String FIXTURE = "/upgrade/before-row-sealing/";

    @TempDir
    Path data;

    private Path copy(String name, Path to) throws Exception {
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream(FIXTURE + name), name)) {
            Files.createDirectories(to.getParent());
            Files.copy(in, to);
        }
        return to;
    }

    @Test
    void theDemoDataOfTheVersionBeforeRowSealingOpensAfterTheMigrationsEveryValueInItsRow() throws Exception {
        Path keys = data.resolve("keys");
        for (String keyset : List.of(MasterKey.FILE, FieldCipher.AEAD_KEYSET, FieldCipher.INDEX_KEYSET)) {
            copy("keys/" + keyset, keys.resolve(keyset));
        }
        char[] passphrase = Files.readString(copy("demo-keys-passphrase", data.resolve("passphrase")),
                StandardCharsets.UTF_8).strip().toCharArray();
        Path script = copy("continuum.sql.gz", data.resolve("continuum.sql.gz"));
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:upgrade;DB_CLOSE_DELAY=-1");
        KeyFolder folder = new KeyFolder(keys);
        try (Connection c = db.getConnection(); Statement sql = c.createStatement()) {
            sql.execute("RUNSCRIPT FROM '" + script + "' COMPRESSION GZIP");
            assertThat(version(c)).as("written before V39").isEqualTo("38");

            FieldCipher cipher = KeyGuard.check(c, folder, () -> FieldCipher.open(folder,
                    MasterKey.open(folder, passphrase.clone())));
            // Every value as the earlier version opens it (one field key, no binding), by table/column/row.
            Map<String, String> before = new HashMap<>();
            read(c, (where, stored) -> before.put(where, cipher.open(stored)));
            MigrateResult migrated = DatabaseMigration.migrate(db, new EngineSchemaApplied(),
                    new SealedLinksMigration(cipher), new RowIdSequences(), new RowSealingMigration(cipher));
            assertThat(migrated.migrationsExecuted).isGreaterThanOrEqualTo(3);
            assertThat(version(c)).isEqualTo(Integer.toString(latest()));
            FieldCipher restarted = KeyGuard.check(c, folder, () -> FieldCipher.open(folder,
                    MasterKey.open(folder, passphrase.clone())));

            // Erasure clears a case file's sealed numbers: each of their columns must accept the cleared value.
            List<String> notNullNumbers = new ArrayList<>();
            for (var table : SealedColumns.of(MappedEntities.all()).values()) {
                for (SealedColumns.Sealed column : table) {
                    if (column.number() && org.continuum.retention.control.ErasingCoverage.erasedWithCaseFile(
                            column.table()) && !nullable(c, column.table(), column.column())) {
                        notNullNumbers.add(column.table() + "." + column.column());
                    }
                }
            }
            assertThat(notNullNumbers).as("sealed numbers an erasure could not clear").isEmpty();

            SealingKeys dataKeys = new SealingKeys(restarted);
            SealingKeys.Made none = new SealingKeys.Made();
            Map<String, Integer> opened = new TreeMap<>();
            List<String> legalNames = new ArrayList<>();
            Set<String> mapped = SealedColumns.of(MappedEntities.all()).keySet();
            assertThat(RowSealingMigration.TABLES.stream().map(RowSealingMigration.Table::name)
                    .collect(Collectors.toSet())).as("every sealed table is checked").containsAll(mapped);
            read(c, (where, stored) -> {
                assertThat(stored).as("no value of the old format left").matches("v2:.*|erased");
                // Throws (and the test fails) when a value does not open where it is.
                String clear = SealingListener.open(where, stored, false, scope -> dataKeys.forOpening(scope, c, none));
                assertThat(clear).as(where).isEqualTo(before.get(where));
                opened.merge(where.substring(0, where.indexOf('/')), 1, Integer::sum);
                if (where.contains("/legal_name_enc/")) {
                    legalNames.add(clear);
                }
            });
            int total = opened.values().stream().mapToInt(Integer::intValue).sum();
            System.out.println("S16 upgrade of the earlier version's demo data: " + total + " sealed values opened "
                    + opened);
            assertThat(opened).containsKeys("casefile", "case_event", "risk_factor", "escalation_evidence",
                    "grant_request", "disbursement", "referral", "mail_intake", "app_user", "safe_place");
            assertThat(total).as("every value the earlier version sealed").isEqualTo(before.size());
            assertThat(legalNames).as("the demo's legal names, in every script").isNotEmpty()
                    .anyMatch(n -> n.chars().anyMatch(ch -> Character.UnicodeScript.of(ch)
                            == Character.UnicodeScript.ARABIC))
                    .anyMatch(n -> n.chars().anyMatch(ch -> Character.UnicodeScript.of(ch)
                            == Character.UnicodeScript.CYRILLIC));
            assertThat(count(c, "SELECT COUNT(*) FROM sealing_key WHERE scope LIKE 'case-%'"))
                    .as("a data key per case file").isEqualTo(count(c, "SELECT COUNT(*) FROM casefile"));
        }
    }

    /**
     * The engine's schema migration (1.1) lives in the workflow module, which this module cannot see: the fixture
     * applied it already, so Flyway only compares its version, description and checksum, and it never runs here.
     */
    private static final class EngineSchemaApplied implements JavaMigration {
        @Override
        public MigrationVersion getVersion() {
            return MigrationVersion.fromVersion("1.1");
        }

        @Override
        public String getDescription() {
            return "operaton 1.0.3 engine schema";
        }

        @Override
        public Integer getChecksum() {
            return "1.0.3".hashCode();
        }

        @Override
        public boolean canExecuteInTransaction() {
            return true;
        }

        @Override
        public void migrate(Context context) {
            throw new IllegalStateException("applied by the version that wrote the fixture; never run again");
        }
    }

    interface SealedValue {
        void at(String where, String stored) throws SQLException;
    }

    /** Every sealed value of the tables V40 knows, with its place ({@code table/column/row}). */
    private static void read(Connection c, SealedValue each) throws SQLException {
        for (RowSealingMigration.Table table : RowSealingMigration.TABLES) {
            String select = "SELECT " + String.join(", ", table.key()) + ", " + String.join(", ", table.sealed())
                    + " FROM " + table.name();
            try (Statement read = c.createStatement(); ResultSet rows = read.executeQuery(select)) {
                while (rows.next()) {
                    List<String> key = new ArrayList<>();
                    for (int k = 1; k <= table.key().size(); k++) {
                        key.add(rows.getString(k));
                    }
                    for (int s = 0; s < table.sealed().size(); s++) {
                        String stored = rows.getString(table.key().size() + 1 + s);
                        if (stored != null) {
                            each.at(table.name() + "/" + table.sealed().get(s) + "/" + String.join("/", key), stored);
                        }
                    }
                }
            }
        }
    }

    private static boolean nullable(Connection c, String table, String column) throws SQLException {
        try (ResultSet columns = c.getMetaData().getColumns(null, null, table.toUpperCase(java.util.Locale.ROOT),
                column.toUpperCase(java.util.Locale.ROOT))) {
            assertThat(columns.next()).as(table + "." + column + " exists").isTrue();
            return columns.getInt("NULLABLE") != java.sql.DatabaseMetaData.columnNoNulls;
        }
    }

    private static String version(Connection c) throws SQLException {
        try (Statement sql = c.createStatement(); ResultSet rs = sql.executeQuery("SELECT \"version\" FROM"
                + " \"flyway_schema_history\" WHERE \"success\" ORDER BY \"installed_rank\" DESC FETCH FIRST 1 ROWS ONLY")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(Connection c, String query) throws SQLException {
        try (Statement sql = c.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The highest migration version this build holds (SQL files and Java migrations alike). */
    private static int latest() throws Exception {
        int highest = Integer.parseInt(new RowSealingMigration(null).getVersion().getVersion());
        for (String folder : List.of("common", "h2")) {
            try (var files = Files.list(Path.of("src/main/resources/db/migration", folder))) {
                for (Path f : files.toList()) {
                    String name = f.getFileName().toString();
                    highest = Math.max(highest, Integer.parseInt(name.substring(1, name.indexOf('_'))));
                }
            }
        }
        return highest;
    }
}
