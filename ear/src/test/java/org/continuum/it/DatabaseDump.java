package org.continuum.it;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A full dump of the test database as the tool an administrator would use makes it: H2's {@code SCRIPT}, or
 * PostgreSQL's {@code pg_dump} (run from Debian's binaries, password in its environment only). Each row of data
 * comes out as one {@link Row}: its table (upper case) and its values quoted as {@code 'value'}, so a test can look
 * for a value the same way on both databases.
 */
public final class DatabaseDump {

    /** One row of data, or one statement that is not data (table null). */
    public record Row(String table, String text) {
    }

    private static final Pattern H2_INSERT = Pattern.compile("(?s)INSERT INTO \"PUBLIC\"\\.\"([A-Z_0-9]+)\".*");
    private static final Pattern PG_COPY = Pattern.compile("COPY public\\.([a-z_0-9]+) \\(.*\\) FROM stdin;");

    private DatabaseDump() {
    }

    public static List<Row> of(DataSource dataSource) throws SQLException, IOException, InterruptedException {
        try (Connection db = dataSource.getConnection()) {
            String product = db.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.contains("postgres") ? pgDump(db.getMetaData().getURL(), db.getMetaData().getUserName())
                    : h2Script(db);
        }
    }

    private static List<Row> h2Script(Connection db) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement sql = db.createStatement(); ResultSet script = sql.executeQuery("SCRIPT NOPASSWORDS NOSETTINGS")) {
            while (script.next()) {
                String statement = script.getString(1);
                Matcher insert = H2_INSERT.matcher(statement);
                rows.add(new Row(insert.matches() ? insert.group(1) : null, statement));
            }
        }
        return rows;
    }

    private static List<Row> pgDump(String url, String user) throws IOException, InterruptedException {
        // jdbc:postgresql://127.0.0.1:PORT/DATABASE
        Matcher m = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+).*").matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("Unexpected PostgreSQL URL");
        }
        Path out = Files.createTempFile("continuum-dump", ".sql");
        try {
            ProcessBuilder dump = new ProcessBuilder(pgDumpBinary().toString(), "-h", m.group(1), "-p", m.group(2),
                    "-U", user, "-d", m.group(3), "--no-owner", "-f", out.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            dump.environment().put("PGPASSWORD", System.getenv("CONTINUUM_DB_PASSWORD"));
            Process process = dump.start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("pg_dump failed");
            }
            List<Row> rows = new ArrayList<>();
            String table = null;
            StringBuilder statement = new StringBuilder();
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                if (table != null) {
                    if (line.equals("\\.")) {
                        table = null;
                    } else {
                        rows.add(new Row(table, quoted(line.split("\t", -1))));
                    }
                    continue;
                }
                Matcher copy = PG_COPY.matcher(line);
                if (copy.matches()) {
                    table = copy.group(1).toUpperCase(Locale.ROOT);
                    continue;
                }
                statement.append(line).append('\n');
                if (line.endsWith(";")) {
                    rows.add(new Row(null, statement.toString()));
                    statement.setLength(0);
                }
            }
            return rows;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static String quoted(String[] values) {
        List<String> quoted = new ArrayList<>();
        for (String v : values) {
            quoted.add(v.equals("\\N") ? "NULL" : "'" + v + "'");
        }
        return String.join(", ", quoted);
    }

    private static Path pgDumpBinary() throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin/pg_dump")).filter(Files::isExecutable)
                    .max(Comparator.naturalOrder()).orElseThrow(() -> new IllegalStateException("no pg_dump"));
        }
    }
}
