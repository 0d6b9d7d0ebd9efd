package org.continuum.platform.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R2: a production server does not start on the embedded H2 database unless its operator acknowledged what H2
 * cannot promise, and the reason, measured: a process killed (SIGKILL) while it commits loses acknowledged commits
 * with H2's default write delay, and none with {@code WRITE_DELAY=0}.
 */
class EmbeddedDatabaseGuardTest {

    static final long ACKNOWLEDGED_BEFORE_KILL = 3_000;

    @Test
    void productionOnH2StartsOnlyWhenAcknowledged() {
        assertThat(EmbeddedDatabaseGuard.refusal(false, "h2", false))
                .contains("Refusing to start").contains(EmbeddedDatabaseGuard.ACKNOWLEDGED).contains("WRITE_DELAY=0");
        assertThat(EmbeddedDatabaseGuard.refusal(false, "h2", true)).as("acknowledged").isNull();
        assertThat(EmbeddedDatabaseGuard.refusal(true, "h2", false)).as("the demo").isNull();
        assertThat(EmbeddedDatabaseGuard.refusal(false, "postgresql", false)).isNull();
    }

    @Test
    void theWriteDelayIsReadFromTheDatabase(@TempDir Path folder) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("default"))) {
            assertThat(EmbeddedDatabaseGuard.writeDelay(c)).isEqualTo(500);
        }
        String durable = "jdbc:h2:file:" + folder.resolve("durable") + ";WRITE_DELAY=0";
        try (Connection c = DriverManager.getConnection(durable)) {
            assertThat(EmbeddedDatabaseGuard.writeDelay(c)).isZero();
        }
    }

    @Test
    void withoutAWriteDelayAKilledProcessLosesNoAcknowledgedCommit(@TempDir Path folder) throws Exception {
        String durable = "jdbc:h2:file:" + folder.resolve("durable") + ";WRITE_DELAY=0";
        long[] counts = killWhileCommitting(durable);
        assertThat(counts[1]).as("commits found after the kill, of %d acknowledged", counts[0])
                .isGreaterThanOrEqualTo(counts[0]);

        String delayed = "jdbc:h2:file:" + folder.resolve("delayed");
        long[] lost = killWhileCommitting(delayed);
        System.out.println("R2 H2 killed (SIGKILL) while committing single rows: with WRITE_DELAY=0 " + counts[0]
                + " acknowledged, " + counts[1] + " found; with H2's default delay " + lost[0] + " acknowledged, "
                + lost[1] + " found (" + Math.max(0, lost[0] - lost[1]) + " lost)");
    }

    /** Starts {@link Committing} on {@code url}, kills it once it has acknowledged enough; acknowledged, found. */
    private static long[] killWhileCommitting(String url) throws Exception {
        // The table exists on disk before the writer starts (closing the database writes it): with the default delay,
        // a writer that made it itself lost even the table once.
        try (Connection c = DriverManager.getConnection(url); Statement create = c.createStatement()) {
            create.execute("create table acknowledged (id bigint primary key)");
        }
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Committing.class.getName(), url)
                .redirectErrorStream(true).start();
        long acknowledged = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("committed ")) {
                    acknowledged = Long.parseLong(line.substring(10));
                    if (acknowledged >= ACKNOWLEDGED_BEFORE_KILL) {
                        child.destroyForcibly(); // SIGKILL
                        break;
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).as("the writer got going").isEqualTo(ACKNOWLEDGED_BEFORE_KILL);
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.createStatement().executeQuery("select count(*) from acknowledged")) {
            rs.next();
            return new long[]{acknowledged, rs.getLong(1)};
        }
    }

    /** The process that is killed: commits one row per transaction and says so after each commit. */
    public static final class Committing {
        public static void main(String[] args) throws SQLException {
            try (Connection c = DriverManager.getConnection(args[0])) {
                c.setAutoCommit(false);
                try (PreparedStatement insert = c.prepareStatement("insert into acknowledged values (?)")) {
                    for (long i = 1; ; i++) {
                        insert.setLong(1, i);
                        insert.executeUpdate();
                        c.commit();
                        System.out.println("committed " + i);
                        System.out.flush();
                    }
                }
            }
        }
    }
}
