package org.continuum.platform.control;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A backup of the PostgreSQL database and the proof that a restore holds the same: {@code pg_dump} runs on a snapshot
 * this tool exports, and in that same snapshot the tool counts every table's rows and takes a digest of their
 * contents (the manifest). After a restore, the same counts and digests are taken on the copy and compared, table by
 * table. The manifest names tables and counts only, never a value.
 *
 * <p>Commands ({@code tools/backup.sh}, {@code tools/restore-check.sh}), the password in the environment variable
 * {@code CONTINUUM_DB_PASSWORD}, never an argument:
 * <pre>
 *   BackupManifest dump    jdbc:postgresql://host:port/db user dump-file manifest-file   (PG_DUMP: the pg_dump binary)
 *   BackupManifest compare jdbc:postgresql://host:port/db user manifest-file
 * </pre>
 */
public final class BackupManifest {

    /** One table's row count and the digest of its rows (each row's text digested, the digests sorted). */
    public record TableSum(String table, long rows, String digest) {
        String line() {
            return table + " " + rows + " " + digest;
        }

        static TableSum parse(String line) {
            String[] parts = line.split(" ");
            if (parts.length != 3) {
                throw new IllegalArgumentException("Not a manifest line: " + line);
            }
            return new TableSum(parts[0], Long.parseLong(parts[1]), parts[2]);
        }
    }

    private BackupManifest() {
    }

    /** Every table of the connection's schema, by name, as the connection's transaction sees them. */
    public static List<TableSum> of(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rows = meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        tables.sort(null);
        List<TableSum> sums = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            for (String table : tables) {
                // The name comes from the database's own catalogue, quoted.
                String quoted = "\"" + table.replace("\"", "\"\"") + "\"";
                try (ResultSet r = s.executeQuery("SELECT count(*), md5(coalesce(string_agg(md5(t::text), ','"
                        + " ORDER BY md5(t::text)), '')) FROM " + quoted + " t")) {
                    r.next();
                    sums.add(new TableSum(table, r.getLong(1), r.getString(2)));
                }
            }
        }
        return sums;
    }

    /** The differences between what the backup held ({@code expected}) and what the copy holds; empty when equal. */
    public static List<String> differences(List<TableSum> expected, List<TableSum> actual) {
        Map<String, TableSum> found = new LinkedHashMap<>();
        actual.forEach(t -> found.put(t.table(), t));
        List<String> differences = new ArrayList<>();
        for (TableSum want : expected) {
            TableSum got = found.remove(want.table());
            if (got == null) {
                differences.add(want.table() + ": missing in the copy");
            } else if (got.rows() != want.rows()) {
                differences.add(want.table() + ": " + want.rows() + " rows in the backup, " + got.rows()
                        + " in the copy");
            } else if (!got.digest().equals(want.digest())) {
                differences.add(want.table() + ": same " + want.rows() + " rows counted, different contents");
            }
        }
        found.keySet().forEach(t -> differences.add(t + ": in the copy only"));
        return differences;
    }

    public static void main(String[] args) throws Exception {
        boolean dump = args.length == 5 && "dump".equals(args[0]);
        boolean compare = args.length == 4 && "compare".equals(args[0]);
        if (!dump && !compare) {
            System.err.println("usage: BackupManifest dump <jdbc-url> <user> <dump-file> <manifest-file>"
                    + " | compare <jdbc-url> <user> <manifest-file>  (password in CONTINUUM_DB_PASSWORD)");
            System.exit(2);
        }
        String password = System.getenv("CONTINUUM_DB_PASSWORD");
        try (Connection c = DriverManager.getConnection(args[1], args[2], password)) {
            if (dump) {
                System.exit(dump(c, args[1], args[2], password, Path.of(args[3]), Path.of(args[4])));
            }
            List<TableSum> expected = Files.readAllLines(Path.of(args[3]), StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).map(TableSum::parse).toList();
            c.setReadOnly(true);
            List<TableSum> actual = of(c);
            List<String> differences = differences(expected, actual);
            differences.forEach(d -> System.out.println("DIFFERENT " + d));
            long rows = expected.stream().mapToLong(TableSum::rows).sum();
            System.out.println((differences.isEmpty() ? "SAME" : "NOT THE SAME") + ": " + expected.size()
                    + " tables, " + rows + " rows in the backup; " + differences.size() + " tables differ");
            System.exit(differences.isEmpty() ? 0 : 1);
        }
    }

    private static int dump(Connection c, String url, String user, String password, Path dumpFile, Path manifest)
            throws SQLException, IOException, InterruptedException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            String snapshot;
            try (ResultSet r = s.executeQuery("SELECT pg_export_snapshot()")) {
                r.next();
                snapshot = r.getString(1);
            }
            URI where = URI.create(url.substring("jdbc:".length()));
            ProcessBuilder pgDump = new ProcessBuilder(System.getenv().getOrDefault("PG_DUMP", "pg_dump"),
                    "--format=custom", "--no-owner", "--snapshot=" + snapshot, "--file=" + dumpFile,
                    "--host=" + where.getHost(), "--port=" + (where.getPort() < 0 ? 5432 : where.getPort()),
                    "--username=" + user, "--dbname=" + where.getPath().substring(1)).inheritIO();
            if (password != null) {
                pgDump.environment().put("PGPASSWORD", password);
            }
            int exit = pgDump.start().waitFor();
            if (exit != 0) {
                System.err.println("pg_dump failed (exit " + exit + "): no backup written");
                return 1;
            }
            List<TableSum> sums = of(c);
            c.commit();
            List<String> lines = new ArrayList<>();
            lines.add("# table rows digest, taken in the snapshot pg_dump read (" + snapshot + ")");
            sums.forEach(t -> lines.add(t.line()));
            Files.write(manifest, lines, StandardCharsets.UTF_8);
            System.out.println("Backed up " + sums.size() + " tables, " + sums.stream().mapToLong(TableSum::rows).sum()
                    + " rows, to " + dumpFile + " (" + Files.size(dumpFile) + " bytes); manifest " + manifest);
            return 0;
        }
    }
}
