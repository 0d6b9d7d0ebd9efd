package org.continuum.audit.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.continuum.audit.entity.AuditEvent;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The hash chain over the audit trail. Every audit row written in a transaction is sealed just before that
 * transaction commits (an interposed synchronisation): the chain's lock row is taken with the head it keeps (V18), one
 * seal per row inserted with its place in the chain, the previous hash and the hash of both, and the new head written
 * back to the lock row. Taking the lock as the very last
 * step keeps it for the commit only and after every other lock of the transaction, so appends are serialised without
 * deadlocks; a transaction that rolls back seals nothing. {@link AuditChainVerifier} walks the chain.
 */
@ApplicationScoped
public class AuditChain {

    /** The previous hash of the first seal. */
    public static final String GENESIS = AuditChainVerifier.GENESIS;

    private static final Object KEY = AuditChain.class;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource(lookup = "java:jboss/datasources/ContinuumDS")
    DataSource dataSource;

    /** Seals {@code event} (already inserted) when the current transaction commits. */
    public void sealAtCommit(AuditEvent event) {
        @SuppressWarnings("unchecked")
        List<AuditEvent> pending = (List<AuditEvent>) transactions.getResource(KEY);
        if (pending == null) {
            pending = new ArrayList<>();
            transactions.putResource(KEY, pending);
            List<AuditEvent> rows = pending;
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                        seal(rows);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    // nothing: the seals commit or roll back with their rows
                }
            });
        }
        pending.add(event);
    }

    private void seal(List<AuditEvent> rows) {
        try (Connection c = dataSource.getConnection()) {
            appendSeals(c, rows.stream().map(AuditChain::canonical).toList(),
                    rows.stream().map(AuditEvent::getId).toList());
        } catch (SQLException e) {
            throw new IllegalStateException("The audit chain could not be extended", e);
        }
    }

    /**
     * Seals every audit row that has none, in id order (rows written before the chain existed). Runs at start, in
     * the caller's transaction.
     */
    public int sealUnsealed() {
        try (Connection c = dataSource.getConnection()) {
            // Every row written since the chain exists is sealed in its own transaction, so the usual answer is
            // "none": two whole-table counts tell it without searching 1,000,000 rows for a missing seal (P5).
            if (count(c, "select count(*) from audit_event") == count(c, "select count(*) from audit_seal")) {
                return 0;
            }
            List<Long> ids = new ArrayList<>();
            List<String> contents = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(AuditChainVerifier.ROW_SELECT
                    + " from audit_event e where not exists (select 1 from audit_seal s where s.event_id = e.id)"
                    + " order by e.id")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        contents.add(AuditChainVerifier.canonical(rs, 1));
                    }
                }
            }
            appendSeals(c, contents, ids);
            return ids.size();
        } catch (SQLException e) {
            throw new IllegalStateException("The audit chain could not be extended", e);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void appendSeals(Connection c, List<String> contents, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        long seq = 0;
        String previous = GENESIS;
        try (PreparedStatement lock = c.prepareStatement(
                "select head_seq, head_hash from audit_chain_lock where id = 1 for update");
             ResultSet rs = lock.executeQuery()) {
            if (rs.next() && rs.getString(2) != null) {
                seq = rs.getLong(1);
                previous = rs.getString(2);
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "insert into audit_seal (seq, event_id, prev_hash, row_hash) values (?, ?, ?, ?)")) {
            for (int i = 0; i < ids.size(); i++) {
                String hash = hash(previous, contents.get(i));
                insert.setLong(1, ++seq);
                insert.setLong(2, ids.get(i));
                insert.setString(3, previous);
                insert.setString(4, hash);
                insert.addBatch();
                previous = hash;
            }
            insert.executeBatch();
        }
        try (PreparedStatement head = c.prepareStatement(
                "update audit_chain_lock set head_seq = ?, head_hash = ? where id = 1")) {
            head.setLong(1, seq);
            head.setString(2, previous);
            head.executeUpdate();
        }
    }

    /** Walks the chain now (see {@link AuditChainVerifier}); {@code exported} may be null. */
    public AuditChainVerifier.Result verify(AuditChainVerifier.Head exported) {
        try (Connection c = dataSource.getConnection()) {
            return AuditChainVerifier.verify(c, exported);
        } catch (SQLException e) {
            throw new IllegalStateException("The audit chain could not be read", e);
        }
    }

    /** The canonical content of a row as written (the same text {@link AuditChainVerifier} rebuilds from the table). */
    static String canonical(AuditEvent e) {
        return AuditChainVerifier.canonical(e.getId(), e.getOccurredAt(), e.getActor(), e.getAction().name(),
                e.getCaseFileId(), e.getOutcome().name(), e.getDetail());
    }

    /** SHA-256 of the previous hash and the row's canonical content, in hex. */
    public static String hash(String previous, String canonical) {
        return AuditChainVerifier.hash(previous, canonical);
    }

    /** The instant as the database keeps it (microseconds): the hash of a row must not depend on lost digits. */
    public static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
