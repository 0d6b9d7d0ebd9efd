package org.continuum.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.continuum.platform.control.Settings;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Rotates the field keyset while the application runs: a new key becomes primary, every case file's and request's
 * data key is rewrapped by it in short batches, the key check value is sealed again, and the old keys leave the
 * keyset once nothing is wrapped by them. Sealed values themselves are not touched (they are sealed with the data
 * keys, which do not change). A rotation stopped half way (a crash, a restart) is finished by the next one: the
 * keyset still holds both keys, so everything opens in between.
 */
@ApplicationScoped
public class KeyRotation {

    private static final Logger LOG = Logger.getLogger(KeyRotation.class.getName());
    private static final int BATCH = 200;
    private static final int ROUNDS = 3;

    /**
     * How long the new primary must have been in use before the old key may go: a transaction that wrapped a new
     * data key with the old primary just before the switch must have committed (and been rewrapped) by then.
     */
    static final Duration SETTLE = Settings.duration("continuum.keys.rotation.settle", Duration.ofSeconds(30));

    @Inject
    FieldCipher cipher;

    @Inject
    KeyRotationBatches batches;

    /** What a rotation did: keys rewrapped, and whether the old field keys are gone (nothing was left on them). */
    public record Result(boolean resumed, long rewrapped, long left, boolean oldKeysRemoved) {
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(Math.max(0, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The database steps of a field key rotation, each in a transaction of its own. */
    public interface Steps {
        KeyRotationBatches.Batch rewrap(String after, int size);

        long left();

        void resealCheck();
    }

    /** Runs (or finishes) a rotation; at most {@code limit} rewraps when {@code limit} ≥ 0 (a test stops it there). */
    public synchronized Result rotate(long limit) {
        return rotate(cipher, batches, SETTLE, limit);
    }

    /** The rotation itself, on any {@link Steps}: the server's, or a test's on a connection of its own. */
    static Result rotate(FieldCipher cipher, Steps steps, Duration settle, long limit) {
        boolean resumed = cipher.fieldKeys() > 1;
        if (!resumed) {
            cipher.addPrimaryFieldKey();
        }
        Instant settled = Instant.now().plus(settle);
        long rewrapped = 0;
        long left = -1;
        for (int round = 0; round < ROUNDS && left != 0; round++) {
            String after = "";
            while (after != null && (limit < 0 || rewrapped < limit)) {
                KeyRotationBatches.Batch batch = steps.rewrap(after, limit < 0 ? BATCH
                        : (int) Math.min(BATCH, limit - rewrapped));
                rewrapped += batch.rewrapped();
                after = batch.last();
            }
            if (limit >= 0 && rewrapped >= limit) {
                left = steps.left();
                break;
            }
            // Keys made by transactions that began before the new primary may be committed behind the scan: the
            // last look comes once they have had time to end.
            if (round == ROUNDS - 1 || Instant.now().isAfter(settled)) {
                left = steps.left();
            } else {
                left = -1;
                pause(Duration.between(Instant.now(), settled));
            }
        }
        if (left < 0) {
            left = steps.left();
        }
        steps.resealCheck();
        boolean removed = left == 0;
        if (removed) {
            cipher.dropOldFieldKeys();
        }
        long done = rewrapped;
        long remaining = left;
        LOG.info(() -> "Field key rotation" + (resumed ? " (resumed)" : "") + ": " + done + " data keys rewrapped, "
                + remaining + " left" + (removed ? "; the old field keys are removed" : ""));
        return new Result(resumed, rewrapped, left, removed);
    }

    /**
     * What an index rotation did: indexes rebuilt (legal names, mail senders), receipt codes still on an old key, and
     * whether the old index keys are gone.
     */
    public record IndexResult(boolean resumed, long reindexed, long receiptsWaiting, boolean oldKeysRemoved) {
    }

    /**
     * Rotates the blind-index keyset, or finishes a rotation left half way: a new key computes every index from now
     * on (searches look under every key meanwhile), the indexes of legal names and mail senders are computed again
     * from their sealed values, twice (the second pass once transactions that began before the switch have ended),
     * and the check value is recomputed. The old key leaves the set once no receipt code still needs it: a code is
     * not kept, so its index moves to the new key only when the person next uses it, or goes with its erasure.
     * Audit trail digests keep the key of their time (the trail is never rewritten).
     */
    public synchronized IndexResult rotateIndex() {
        boolean resumed = cipher.indexKeys() > 1;
        if (!resumed) {
            batches.nameReceiptKeys(cipher.primaryIndexKey());
            cipher.addPrimaryIndexKey();
        }
        Instant settled = Instant.now().plus(SETTLE);
        long reindexed = reindexAll();
        pause(Duration.between(Instant.now(), settled));
        reindexed += reindexAll();
        batches.reindexCheck();
        long waiting = batches.receiptsWaiting();
        boolean removed = waiting == 0;
        if (removed) {
            cipher.dropOldIndexKeys();
        }
        long done = reindexed;
        LOG.info(() -> "Blind-index key rotation" + (resumed ? " (resumed)" : "") + ": " + done + " indexes rebuilt, "
                + waiting + " receipt codes still on the old key" + (removed ? "; the old index keys are removed" : ""));
        return new IndexResult(resumed, reindexed, waiting, removed);
    }

    private long reindexAll() {
        long changed = 0;
        for (KeyRotationBatches.Indexed indexed : KeyRotationBatches.Indexed.values()) {
            Long after = 0L;
            while (after != null) {
                KeyRotationBatches.Reindexed batch = batches.reindex(indexed, after, BATCH);
                changed += batch.changed();
                after = batch.last();
            }
        }
        return changed;
    }
}
