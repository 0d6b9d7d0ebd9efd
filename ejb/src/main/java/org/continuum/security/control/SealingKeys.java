package org.continuum.security.control;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The data keys of case files and mail drafts (table {@code sealing_key}): each an AES-256-GCM key made for its
 * scope, stored wrapped by the field keyset (which the master key encrypts), bound to its scope. Erasure destroys a
 * key: the row stays, without the key, so a value of that scope reads as erased rather than as damaged.
 *
 * <p>A key made in a transaction is known to that transaction only until it commits (a rolled-back case file must
 * not leave its key in memory without its row); keys read from the database are kept in a bounded cache.
 */
@ApplicationScoped
public class SealingKeys {

    private static final int CACHED = 20_000;
    /** Scopes read in one query by {@link #forOpeningAll}. */
    static final int BATCH = 500;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    FieldCipher cipher;

    @PersistenceContext
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final Map<String, Optional<Aead>> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Optional<Aead>> eldest) {
                    return size() > CACHED;
                }
            });

    public SealingKeys() {
    }

    /** For use outside the container (a migration, a test). */
    public SealingKeys(FieldCipher cipher) {
        this.cipher = cipher;
    }

    /** The keys a transaction made, until it ends. */
    public static final class Made {
        private final Map<String, Aead> keys = new HashMap<>();
    }

    /** The key that seals {@code scope}, made (on {@code c}, in its transaction) when the scope has none yet. */
    public Aead forSealing(String scope, Connection c, Made made) {
        Aead own = made.keys.get(scope);
        if (own != null) {
            return own;
        }
        Optional<Optional<Aead>> known = known(scope, c);
        if (known.isPresent()) {
            return known.get().orElseThrow(() -> new IllegalStateException("The data key of " + scope
                    + " was destroyed when it was erased: nothing more can be sealed for it"));
        }
        Aead created = create(scope, c);
        made.keys.put(scope, created);
        return created;
    }

    /** The key that opens {@code scope}'s values; empty when the scope was erased. */
    public Optional<Aead> forOpening(String scope, Connection c, Made made) {
        Aead own = made.keys.get(scope);
        if (own != null) {
            return Optional.of(own);
        }
        return known(scope, c).orElseThrow(() -> new IllegalStateException("No data key for " + scope
                + " in this database: its sealed values cannot be opened"));
    }

    /**
     * The keys that open the values of many scopes, read with one query per {@value #BATCH} scopes the cache does not
     * hold (a page of an export). They are not added to the cache: a walk through every case file would push out
     * the keys the staff's pages use. A scope without a row opens nothing, like an erased one.
     */
    public Map<String, Optional<Aead>> forOpeningAll(java.util.Collection<String> scopes, Connection c) {
        Map<String, Optional<Aead>> found = new HashMap<>();
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (String scope : new java.util.LinkedHashSet<>(scopes)) {
            Optional<Aead> cached = cache.get(scope);
            if (cached != null) {
                found.put(scope, cached);
            } else {
                missing.add(scope);
            }
        }
        for (int from = 0; from < missing.size(); from += BATCH) {
            java.util.List<String> part = missing.subList(from, Math.min(missing.size(), from + BATCH));
            try (PreparedStatement read = c.prepareStatement(
                    "SELECT scope, wrapped FROM sealing_key WHERE scope = ANY (?)")) {
                read.setArray(1, c.createArrayOf("VARCHAR", part.toArray()));
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        String scope = rows.getString(1);
                        String wrapped = rows.getString(2);
                        found.put(scope, wrapped == null ? Optional.empty()
                                : Optional.of(aead(cipher.unwrap(Base64.getDecoder().decode(wrapped), scope))));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read the data keys of " + part.size() + " scopes", e);
            }
        }
        missing.forEach(scope -> found.putIfAbsent(scope, Optional.empty()));
        return found;
    }

    /**
     * Destroys the data key of {@code scope} in the current transaction (crypto-shredding): no value sealed with it
     * opens any more in this database. A copy of the database taken before still holds the key, wrapped by the field
     * keyset; it stops opening there once that keyset has been rotated and its old key removed. The row stays, so
     * the scope's values read as erased rather than as damaged.
     */
    public void destroy(String scope) {
        Timestamp now = Timestamp.from(Instant.now());
        int destroyed = em.createNativeQuery("UPDATE sealing_key SET wrapped = NULL, destroyed_at = ?2 WHERE scope = ?1")
                .setParameter(1, scope).setParameter(2, now).executeUpdate();
        if (destroyed == 0) {
            em.createNativeQuery("INSERT INTO sealing_key (scope, wrapped, created_at, destroyed_at) VALUES (?1, NULL,"
                    + " ?2, ?2)").setParameter(1, scope).setParameter(2, now).executeUpdate();
        }
        forget(scope);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing before
            }

            @Override
            public void afterCompletion(int status) {
                forget(scope); // a reader may have cached the key again before the commit
            }
        });
    }

    /**
     * The data key of {@code scope} as a copy of the database (a backup) holds it, {@code wrapped}: unwrapped with
     * this key folder, never cached. It fails once the field key that wrapped it has been rotated out.
     */
    public Aead fromCopy(String scope, String wrapped) {
        return aead(cipher.unwrap(Base64.getDecoder().decode(wrapped), scope));
    }

    /** Forgets a cached key (its scope was erased, or the erasure rolled back). */
    public void forget(String scope) {
        cache.remove(scope);
    }

    /** Keys a committed transaction made become known to every later one. */
    public void committed(Made made) {
        made.keys.forEach((scope, key) -> cache.put(scope, Optional.of(key)));
    }

    // Outer empty: no row; inner empty: the key was destroyed.
    private Optional<Optional<Aead>> known(String scope, Connection c) {
        Optional<Aead> cached = cache.get(scope);
        if (cached != null) {
            return Optional.of(cached);
        }
        try (PreparedStatement read = c.prepareStatement("SELECT wrapped FROM sealing_key WHERE scope = ?")) {
            read.setString(1, scope);
            try (ResultSet row = read.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String wrapped = row.getString(1);
                Optional<Aead> key = wrapped == null ? Optional.empty()
                        : Optional.of(aead(cipher.unwrap(Base64.getDecoder().decode(wrapped), scope)));
                cache.put(scope, key);
                return Optional.of(key);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the data key of " + scope, e);
        }
    }

    private Aead create(String scope, Connection c) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO sealing_key (scope, wrapped, created_at) VALUES (?, ?, ?)")) {
            insert.setString(1, scope);
            insert.setString(2, Base64.getEncoder().encodeToString(cipher.wrap(key, scope)));
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the data key of " + scope, e);
        }
        return aead(key);
    }

    private static Aead aead(byte[] key) {
        try {
            return new AesGcmJce(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not an AES-256 key", e);
        }
    }
}
