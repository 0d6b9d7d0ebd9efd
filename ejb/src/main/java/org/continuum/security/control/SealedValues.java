package org.continuum.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.Session;

/**
 * Opens a sealed value read with SQL rather than through its entity (a check of what the database holds, a tool):
 * the caller names where it was found, and the value opens only there.
 */
@ApplicationScoped
public class SealedValues {

    @PersistenceContext
    EntityManager em;

    @Inject
    SealingKeys keys;

    /** The clear value of {@code stored}, found in {@code table.column} of the row {@code row} names. */
    public String open(String table, String column, Object row, String stored) {
        SealingKeys.Made none = new SealingKeys.Made();
        return em.unwrap(Session.class).doReturningWork(c -> SealingListener.open(table + "/" + column + "/" + row,
                stored, false, scope -> keys.forOpening(scope, c, none)));
    }
}
