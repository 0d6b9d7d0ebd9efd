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

    /** The key check value sealed again with the primary key (the start-up guard opens it with the folder's keys). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void resealCheck() {
        em.createNativeQuery("UPDATE key_check SET check_value = ?1 WHERE purpose = ?2")
                .setParameter(1, cipher.seal(KeyGuard.CHECK_TEXT)).setParameter(2, KeyGuard.SEALING).executeUpdate();
    }
}
