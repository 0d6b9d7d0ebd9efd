package org.continuum.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.Base64;
import java.util.List;

/**
 * The steps of a field key rotation that touch the database, each in a short transaction of its own, so the
 * application goes on working while it runs and a crash loses at most one batch (done again at the next run).
 */
@ApplicationScoped
public class KeyRotationBatches {

    @PersistenceContext
    EntityManager em;

    @Inject
    FieldCipher cipher;

    @Inject
    SealedValues sealed;

    /** One batch: the data keys after {@code after} (by scope) still wrapped by an old field key, rewrapped. */
    public record Batch(int read, int rewrapped, String last) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Batch rewrap(String after, int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT scope, wrapped FROM sealing_key WHERE scope > ?1"
                + " AND wrapped IS NOT NULL ORDER BY scope").setParameter(1, after).setMaxResults(size)
                .getResultList();
        int rewrapped = 0;
        for (Object[] row : rows) {
            String scope = (String) row[0];
            String wrapped = (String) row[1];
            byte[] old = Base64.getDecoder().decode(wrapped);
            if (cipher.wrappedByPrimary(old)) {
                continue;
            }
            String now = Base64.getEncoder().encodeToString(cipher.wrap(cipher.unwrap(old, scope), scope));
            // Only if it is still what was read: an erasure may have destroyed the key meanwhile.
            rewrapped += em.createNativeQuery("UPDATE sealing_key SET wrapped = ?1 WHERE scope = ?2 AND wrapped = ?3")
                    .setParameter(1, now).setParameter(2, scope).setParameter(3, wrapped).executeUpdate();
        }
        return new Batch(rows.size(), rewrapped, rows.isEmpty() ? null : (String) rows.get(rows.size() - 1)[0]);
    }

    /** How many data keys are still wrapped by an old field key. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long left() {
        @SuppressWarnings("unchecked")
        List<String> wrapped = em.createNativeQuery("SELECT wrapped FROM sealing_key WHERE wrapped IS NOT NULL")
                .getResultList();
        return wrapped.stream().filter(w -> !cipher.wrappedByPrimary(Base64.getDecoder().decode(w))).count();
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

    /** The key check value sealed again with the primary key (the start-up guard opens it with the folder's keys). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void resealCheck() {
        em.createNativeQuery("UPDATE key_check SET check_value = ?1 WHERE purpose = ?2")
                .setParameter(1, cipher.seal(KeyGuard.CHECK_TEXT)).setParameter(2, KeyGuard.SEALING).executeUpdate();
    }
}
