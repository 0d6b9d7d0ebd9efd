package org.continuum.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.Session;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

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

    /**
     * The clear values of one sealed text column for many rows ({@code stored} by row id, as read with a query that
     * does not load the entities): the data keys are read in batches, not one query each. An erased value opens
     * empty.
     */
    public Map<Long, String> openAll(String table, String column, Map<Long, String> stored) {
        java.util.Set<String> scopes = new java.util.HashSet<>();
        stored.values().forEach(v -> {
            String scope = SealingListener.scopeOf(v);
            if (scope != null) {
                scopes.add(scope);
            }
        });
        return em.unwrap(Session.class).doReturningWork(c -> {
            Map<String, Optional<com.google.crypto.tink.Aead>> keyed = keys.forOpeningAll(scopes, c);
            Map<Long, String> opened = new HashMap<>();
            stored.forEach((row, value) -> opened.put(row, SealingListener.open(table + "/" + column + "/" + row,
                    value, false, scope -> keyed.getOrDefault(scope, Optional.empty()))));
            return opened;
        });
    }

    /**
     * The clear value of {@code stored} as a copy of the database (a backup) holds it, with the data key that copy
     * holds for its scope ({@code wrappedKey}, null when the copy holds none): what a backup still reveals with this
     * key folder. It fails when the key does not unwrap (its field key was rotated out) or the value was moved.
     */
    public String openFromCopy(String table, String column, Object row, String stored, String wrappedKey) {
        return SealingListener.open(table + "/" + column + "/" + row, stored, false,
                scope -> wrappedKey == null ? Optional.empty() : Optional.of(keys.fromCopy(scope, wrappedKey)));
    }
}
