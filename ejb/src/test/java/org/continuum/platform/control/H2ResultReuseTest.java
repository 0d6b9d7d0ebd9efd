package org.continuum.platform.control;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * H2 2.2 may serve a committed write's reader a stale result. A connection keeps the last result of each prepared
 * query and hands it out again while the database's modification counter is unchanged; a commit moves that counter
 * a moment before its rows become visible, so a query run in that moment is kept without them and served again after
 * the commit has returned. (Seen in the P1 benchmark as a task, created by the call before, missing from the inbox.)
 * With the options {@code run.sh} gives H2, a reader sees every committed row.
 */
class H2ResultReuseTest {

    private static final Logger LOG = Logger.getLogger(H2ResultReuseTest.class.getName());
    private static final int ROUNDS = 4000;

    @Test
    void withTheOptionsOfTheRunScriptEveryCommittedRowIsSeenAtOnce() throws Exception {
        String options = runScriptOptions();
        assertThat(options).contains("OPTIMIZE_REUSE_RESULTS=FALSE");
        assertThat(staleReads("jdbc:h2:mem:reuse-off-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1" + options))
                .as("reads that missed a row committed before them").isZero();
        // H2's default, for the record (not asserted: it is a race, and a later H2 may fix it).
        int stale = staleReads("jdbc:h2:mem:reuse-on-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        LOG.info(() -> "H2 with its default result reuse: " + stale + " stale reads in " + ROUNDS);
    }

    /** The H2 URL options of run.sh, less the file-only ones. */
    private static String runScriptOptions() throws Exception {
        Path script = Path.of("..", "run.sh");
        Matcher url = Pattern.compile("jdbc:h2:file:[^;\"]*((;[A-Z_]+=[A-Za-z0-9]+)*)").matcher(Files.readString(script));
        assertThat(url.find()).as("run.sh names an H2 file URL").isTrue();
        return url.group(1).replaceAll(";AUTO_COMPACT_FILL_RATE=[0-9]+", "");
    }

    /**
     * One writer inserts and commits a row per round; right after each commit, one of two readers (both also querying
     * in a loop, so that queries overlap commits) counts the rows. Returns how often the count missed a row.
     */
    private static int staleReads(String url) throws Exception {
        try (Connection writer = DriverManager.getConnection(url, "sa", "")) {
            writer.createStatement().execute("CREATE TABLE task (id INT PRIMARY KEY, grp VARCHAR(20))");
            writer.setAutoCommit(false);
            List<Connection> readers = new ArrayList<>();
            List<PreparedStatement> counts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Connection reader = DriverManager.getConnection(url, "sa", "");
                readers.add(reader);
                counts.add(reader.prepareStatement("SELECT COUNT(*) FROM task WHERE grp = ?"));
            }
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Exception> failed = new AtomicReference<>();
            List<Thread> busy = new ArrayList<>();
            for (PreparedStatement count : counts) {
                Thread t = new Thread(() -> {
                    try {
                        while (!stop.get()) {
                            count(count);
                        }
                    } catch (Exception e) {
                        failed.set(e);
                    }
                });
                t.start();
                busy.add(t);
            }
            int stale = 0;
            try (PreparedStatement insert = writer.prepareStatement("INSERT INTO task VALUES (?, 'A')")) {
                for (int n = 1; n <= ROUNDS; n++) {
                    insert.setInt(1, n);
                    insert.executeUpdate();
                    writer.commit();
                    if (count(counts.get(n % 2)) != n) {
                        stale++;
                    }
                }
            } finally {
                stop.set(true);
                for (Thread t : busy) {
                    t.join();
                }
                for (Connection reader : readers) {
                    reader.close();
                }
            }
            assertThat(failed.get()).isNull();
            return stale;
        }
    }

    /** One statement per reader, shared by its busy loop and the check; fair, so that the check gets its turn. */
    private static final Map<PreparedStatement, ReentrantLock> TURNS = new ConcurrentHashMap<>();

    private static int count(PreparedStatement count) throws SQLException {
        ReentrantLock turn = TURNS.computeIfAbsent(count, k -> new ReentrantLock(true));
        turn.lock();
        try {
            count.setString(1, "A");
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } finally {
            turn.unlock();
        }
    }
}
