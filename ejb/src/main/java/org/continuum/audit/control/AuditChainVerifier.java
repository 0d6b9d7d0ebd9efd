package org.continuum.audit.control;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/**
 * Walks the audit chain and names the first broken row: a changed byte (the hash no longer matches), a deleted row or
 * seal, rows reordered (a previous hash that does not match), a row inserted without a seal, and, given the chain head
 * exported earlier outside the database, a truncated tail. Plain JDBC, so it also runs offline against a copy or a
 * stopped server's database: {@code tools/verify-audit-chain.sh}.
 */
public final class AuditChainVerifier {

    /** The columns of an audit row, in the order {@link #canonical(ResultSet, int)} reads them. */
    static final String ROW_COLUMNS = "e.id, e.occurred_at, e.actor, e.action, e.casefile_id, e.outcome, e.detail";
    static final String ROW_SELECT = "select " + ROW_COLUMNS;
    private static final String WALK = "select s.seq, s.event_id, s.prev_hash, s.row_hash, " + ROW_COLUMNS
            + " from audit_seal s left join audit_event e on e.id = s.event_id order by s.seq";

    private static final char SEPARATOR = '\u001f';

    /** The previous hash of the first seal. */
    static final String GENESIS = "0".repeat(64);

    private AuditChainVerifier() {
    }

    /** The chain head: the last seal's place and hash (exported periodically outside the database). */
    public record Head(long seq, String hash) implements Serializable {
        /** {@code seq:hash}, as exported. */
        public static Head parse(String text) {
            int colon = text.indexOf(':');
            return new Head(Long.parseLong(text.substring(0, colon).strip()), text.substring(colon + 1).strip());
        }

        @Override
        public String toString() {
            return seq + ":" + hash;
        }
    }

    /**
     * What the walk found. {@code firstBrokenSeq} / {@code firstBrokenEventId} name the first broken place (null when
     * intact); {@code problem} says what is wrong there, as a code.
     */
    public record Result(boolean intact, long rowsChecked, Long firstBrokenSeq, Long firstBrokenEventId,
                         String problem, Head head, long millis) implements Serializable {
    }

    /** Walks the whole chain; {@code exported} (may be null) is a head exported earlier, to catch a truncation. */
    public static Result verify(Connection c, Head exported) throws SQLException {
        long started = System.nanoTime();
        long checked = 0;
        long expectedSeq = 1;
        String previous = GENESIS;
        String exportedHashSeen = null;
        try (PreparedStatement ps = c.prepareStatement(WALK)) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    long eventId = rs.getLong(2);
                    String broken = null;
                    if (seq != expectedSeq) {
                        broken = "seal-missing-before";
                    } else if (!previous.equals(rs.getString(3))) {
                        broken = "previous-hash-mismatch";
                    } else if (rs.getObject(5) == null) {
                        broken = "row-deleted";
                    } else if (!hash(previous, canonical(rs, 5)).equals(rs.getString(4))) {
                        broken = "row-changed";
                    }
                    if (broken != null) {
                        return new Result(false, checked, seq, eventId, broken, null, millisSince(started));
                    }
                    previous = rs.getString(4);
                    if (exported != null && seq == exported.seq()) {
                        exportedHashSeen = previous;
                    }
                    checked++;
                    expectedSeq++;
                }
            }
        }
        Head head = new Head(expectedSeq - 1, previous);
        try (PreparedStatement ps = c.prepareStatement("select min(e.id) from audit_event e"
                + " where not exists (select 1 from audit_seal s where s.event_id = e.id)");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next() && rs.getObject(1) != null) {
                return new Result(false, checked, null, rs.getLong(1), "row-without-seal", head, millisSince(started));
            }
        }
        if (exported != null && head.seq() < exported.seq()) {
            return new Result(false, checked, head.seq() + 1, null, "truncated-after-export", head,
                    millisSince(started));
        }
        if (exported != null && !exported.hash().equals(exportedHashSeen)) {
            return new Result(false, checked, exported.seq(), null, "exported-head-mismatch", head,
                    millisSince(started));
        }
        return new Result(true, checked, null, null, null, head, millisSince(started));
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000L;
    }

    /** The canonical text of the row whose columns ({@link #ROW_SELECT}) start at {@code first}. */
    static String canonical(ResultSet rs, int first) throws SQLException {
        Object caseFile = rs.getObject(first + 4);
        return canonical(rs.getLong(first), rs.getObject(first + 1, OffsetDateTime.class).toInstant(),
                rs.getString(first + 2), rs.getString(first + 3), caseFile == null ? null : rs.getLong(first + 4),
                rs.getString(first + 5), rs.getString(first + 6));
    }

    static String canonical(long id, Instant occurredAt, String actor, String action, Long caseFileId, String outcome,
                            String detail) {
        long micros = Math.addExact(Math.multiplyExact(occurredAt.getEpochSecond(), 1_000_000L),
                occurredAt.getNano() / 1_000L);
        return id + "" + SEPARATOR + micros + SEPARATOR + actor + SEPARATOR + action + SEPARATOR
                + (caseFileId == null ? "" : caseFileId.toString()) + SEPARATOR + outcome + SEPARATOR
                + (detail == null ? "" : detail);
    }

    /**
     * Offline check: {@code java ... AuditChainVerifier <jdbc-url> [user] [--head seq:hash]}, the password in the
     * environment variable {@code CONTINUUM_DB_PASSWORD} (never on the command line). Prints what it found; exits 0
     * when intact, 1 when broken.
     */
    public static void main(String[] args) throws SQLException {
        if (args.length == 0) {
            System.err.println("usage: verify-audit-chain <jdbc-url> [user] [--head seq:hash]"
                    + " (password in CONTINUUM_DB_PASSWORD)");
            System.exit(2);
        }
        Head exported = null;
        String user = null;
        for (int i = 1; i < args.length; i++) {
            if ("--head".equals(args[i]) && i + 1 < args.length) {
                exported = Head.parse(args[++i]);
            } else {
                user = args[i];
            }
        }
        try (Connection c = DriverManager.getConnection(args[0], user, System.getenv("CONTINUUM_DB_PASSWORD"))) {
            c.setReadOnly(true);
            Result r = verify(c, exported);
            System.out.println((r.intact() ? "INTACT" : "BROKEN") + ": " + r.rowsChecked() + " rows checked in "
                    + r.millis() + " ms" + (r.intact() ? "; head " + r.head()
                    : "; first broken: seq " + r.firstBrokenSeq() + ", audit row " + r.firstBrokenEventId()
                    + " (" + r.problem() + ")"));
            System.exit(r.intact() ? 0 : 1);
        }
    }

    /** SHA-256 of the previous hash and the row's canonical content, in hex (no application class needed). */
    static String hash(String previous, String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previous.getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) '\n');
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
