package org.continuum.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The steps of a key rotation that touch the database, each in a short transaction of its own, so the application
 * goes on working while it runs and a crash loses at most one batch (done again at the next run). The SQL of the
 * field key steps works on a plain connection, so a test can run a rotation in a process of its own and kill it.
 */
@ApplicationScoped
public class KeyRotationBatches implements KeyRotation.Steps {

    @PersistenceContext
    EntityManager em;

    @Inject
    FieldCipher cipher;

    @Inject
    SealedValues sealed;

    /** One batch: the data keys after {@code after} (by scope) still wrapped by an old field key, rewrapped. */
    public record Batch(int read, int rewrapped, String last) {
    }

    private <T> T onConnection(org.hibernate.jdbc.ReturningWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Batch rewrap(String after, int size) {
        return onConnection(c -> rewrap(c, cipher, after, size));
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long left() {
        return onConnection(c -> left(c, cipher));
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void resealCheck() {
        onConnection(c -> resealCheck(c, cipher));
    }

    /** One batch of rewraps on {@code c} (in the caller's transaction). */
    static Batch rewrap(Connection c, FieldCipher cipher, String after, int size) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement read = c.prepareStatement("SELECT scope, wrapped FROM sealing_key WHERE scope > ?"
                + " AND wrapped IS NOT NULL ORDER BY scope")) {
            read.setString(1, after);
            read.setMaxRows(size);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[]{rs.getString(1), rs.getString(2)});
                }
            }
        }
        int rewrapped = 0;
        try (PreparedStatement write = c.prepareStatement(
                "UPDATE sealing_key SET wrapped = ? WHERE scope = ? AND wrapped = ?")) {
            for (String[] row : rows) {
                byte[] old = Base64.getDecoder().decode(row[1]);
                if (cipher.wrappedByPrimary(old)) {
                    continue;
                }
                // Only if it is still what was read: an erasure may have destroyed the key meanwhile.
                write.setString(1, Base64.getEncoder().encodeToString(cipher.wrap(cipher.unwrap(old, row[0]), row[0])));
                write.setString(2, row[0]);
                write.setString(3, row[1]);
                rewrapped += write.executeUpdate();
            }
        }
        return new Batch(rows.size(), rewrapped, rows.isEmpty() ? null : rows.get(rows.size() - 1)[0]);
    }

    /** How many data keys are still wrapped by an old field key. */
    static long left(Connection c, FieldCipher cipher) throws SQLException {
        long left = 0;
        try (PreparedStatement read = c.prepareStatement("SELECT wrapped FROM sealing_key WHERE wrapped IS NOT NULL");
             ResultSet rs = read.executeQuery()) {
            while (rs.next()) {
                left += cipher.wrappedByPrimary(Base64.getDecoder().decode(rs.getString(1))) ? 0 : 1;
            }
        }
        return left;
    }

    /** The key check value sealed again with the primary key (the start-up guard opens it with the folder's keys). */
    static Void resealCheck(Connection c, FieldCipher cipher) throws SQLException {
        try (PreparedStatement write = c.prepareStatement("UPDATE key_check SET check_value = ? WHERE purpose = ?")) {
            write.setString(1, cipher.seal(KeyGuard.CHECK_TEXT));
            write.setString(2, KeyGuard.SEALING);
            write.executeUpdate();
        }
        return null;
    }

    /** A blind index the rotation can rebuild: computed from a sealed value of the same row. */
    public enum Indexed {
        CASE_LEGAL_NAME("casefile", "legal_name_enc", "legal_name_index", " AND erased_at IS NULL"),
        MAIL_SENDER("mail_intake", "sender_enc", "sender_index", "");

        final String table;
        final String sealedColumn;
        final String indexColumn;
        final String live;

        Indexed(String table, String sealedColumn, String indexColumn, String live) {
            this.table = table;
            this.sealedColumn = sealedColumn;
            this.indexColumn = indexColumn;
            this.live = live;
        }
    }

    /** One batch of an index rebuild: rows read, indexes changed, the last row's id (null at the end). */
    public record Reindexed(int read, int changed, Long last) {
    }

    /**
     * The indexes of {@code indexed} in the rows after {@code after}, computed again with the primary index key from
     * the sealed value they index; each changed only if it is still what was read.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Reindexed reindex(Indexed indexed, long after, int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, " + indexed.sealedColumn + ", " + indexed.indexColumn
                + " FROM " + indexed.table + " WHERE id > ?1 AND " + indexed.indexColumn + " IS NOT NULL"
                + indexed.live + " ORDER BY id").setParameter(1, after).setMaxResults(size).getResultList();
        int changed = 0;
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            String clear = row[1] == null ? null
                    : sealed.open(indexed.table, indexed.sealedColumn, id, (String) row[1]);
            if (clear == null) {
                continue;
            }
            String now = cipher.blindIndex(clear);
            if (!now.equals(row[2])) {
                changed += em.createNativeQuery("UPDATE " + indexed.table + " SET " + indexed.indexColumn + " = ?1"
                        + " WHERE id = ?2 AND " + indexed.indexColumn + " = ?3").setParameter(1, now)
                        .setParameter(2, id).setParameter(3, row[2]).executeUpdate();
            }
        }
        return new Reindexed(rows.size(), changed,
                rows.isEmpty() ? null : ((Number) rows.get(rows.size() - 1)[0]).longValue());
    }

    /** Receipt codes indexed before the key column: they were indexed by {@code key}, the only key until now. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void nameReceiptKeys(int key) {
        em.createNativeQuery("UPDATE mail_intake SET receipt_index_key = ?1 WHERE receipt_index IS NOT NULL"
                + " AND receipt_index_key IS NULL").setParameter(1, key).executeUpdate();
    }

    /**
     * Receipt codes still indexed by an older index key: only the person's next use of the code can move them (the
     * code is not kept), so the old key stays until none is left.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long receiptsWaiting() {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM mail_intake WHERE receipt_index IS NOT NULL"
                + " AND (receipt_index_key IS NULL OR receipt_index_key <> ?1)")
                .setParameter(1, cipher.primaryIndexKey()).getSingleResult()).longValue();
    }

    /** The blind-index check value computed again with the primary index key. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void reindexCheck() {
        em.createNativeQuery("UPDATE key_check SET check_value = ?1 WHERE purpose = ?2")
                .setParameter(1, cipher.blindIndex(KeyGuard.CHECK_TEXT)).setParameter(2, KeyGuard.INDEX)
                .executeUpdate();
    }

}
