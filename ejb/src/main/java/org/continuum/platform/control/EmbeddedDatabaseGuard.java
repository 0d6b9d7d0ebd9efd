package org.continuum.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;

/**
 * R2: the embedded H2 database is the demo's, and production needs PostgreSQL. H2 acknowledges a commit before it
 * has written it to its file (up to its write delay, 500 ms by default, later): a server process killed in that
 * moment loses acknowledged work (1,465 to 4,220 of 20,000 to 24,000 single-row commits in three kills of a writer
 * after 3 s, 2026-12-03; none with {@code WRITE_DELAY=0}), and only one server can open the file. A server without
 * demo mode therefore refuses to start on H2 unless {@value #ACKNOWLEDGED} is set to true, and then warns while H2
 * still delays its writes.
 */
@ApplicationScoped
public class EmbeddedDatabaseGuard {

    public static final String ACKNOWLEDGED = "continuum.db.h2.acknowledged";
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabaseGuard.class.getName());
    private static final String H2 = "h2";

    @Resource(lookup = "java:jboss/datasources/ContinuumDS")
    DataSource dataSource;

    /** Stops the start of a production server on H2 without the acknowledgement; warns about a delayed write. */
    public void refuseUnacknowledgedH2() {
        String vendor = DatabaseMigration.vendor(dataSource);
        String refusal = refusal(DemoMode.on(), vendor, Boolean.getBoolean(ACKNOWLEDGED));
        if (refusal != null) {
            throw new IllegalStateException(refusal);
        }
        if (DemoMode.on() || !H2.equals(vendor)) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            long delay = writeDelay(connection);
            if (delay != 0) {
                LOG.warning(() -> "H2 writes a commit to its file up to " + delay + " ms after acknowledging it:"
                        + " a crash of this server loses that work. Add ;WRITE_DELAY=0 to continuum.db.url.");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read H2's write delay", e);
        }
    }

    /** Why a server must not start on this database ({@link DatabaseMigration#vendor}'s name), or null. */
    static String refusal(boolean demo, String vendor, boolean acknowledged) {
        if (demo || !H2.equals(vendor) || acknowledged) {
            return null;
        }
        return "Refusing to start: production on the embedded H2 database. Run it on PostgreSQL"
                + " (continuum.db.driver=postgresql, see the README). H2 serves one server only and can lose the last"
                + " half second of acknowledged work when the server process dies; to run on it anyway, start with -D"
                + ACKNOWLEDGED + "=true and ;WRITE_DELAY=0 in continuum.db.url.";
    }

    /** H2's delay between acknowledging a commit and writing it, in milliseconds. */
    static long writeDelay(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select setting_value from information_schema.settings"
                     + " where setting_name = 'WRITE_DELAY'")) {
            return rs.next() ? Long.parseLong(rs.getString(1).trim()) : 0;
        }
    }
}
