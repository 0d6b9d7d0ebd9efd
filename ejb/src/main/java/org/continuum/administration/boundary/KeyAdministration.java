package org.continuum.administration.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.Serializable;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.audit.entity.AuditOutcome;
import org.continuum.identity.control.Caller;
import org.continuum.identity.control.StepUps;
import org.continuum.identity.entity.UserAccount;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.control.Roles;
import org.continuum.security.control.FieldCipher;
import org.continuum.security.control.KeyRotation;

import java.time.Instant;

/**
 * The field and blind-index keysets for administrators: how many keys each holds, and their rotation (after a
 * step-up, audited), while the application keeps working. Sealed values are not re-sealed: the data keys that seal
 * them are rewrapped; blind indexes are computed again from the values they index.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class KeyAdministration {

    @Inject
    Caller currentCaller;

    @Inject
    StepUps stepUps;

    @Inject
    FieldCipher cipher;

    @Inject
    KeyRotation rotation;

    @Inject
    AuditTrail audit;

    /**
     * Keys in the field keyset and in the blind-index keyset (more than one while a rotation is unfinished), and
     * whether a rotation needs a step-up now.
     */
    public record Status(int fieldKeys, int indexKeys, boolean stepUpNeeded) implements Serializable {
    }

    public Status status() {
        return new Status(cipher.fieldKeys(), cipher.indexKeys(),
                !stepUps.fresh(currentCaller.account(), Instant.now()));
    }

    /** The caller, when their last step-up is fresh: a rotation needs one. */
    private UserAccount steppedUp() {
        UserAccount caller = currentCaller.account();
        if (!stepUps.fresh(caller, Instant.now())) {
            throw new InvalidInput("retention.keys.reauth.required");
        }
        return caller;
    }

    /** What a rotation did: data keys rewrapped, how many still wait, whether the old field key is gone. */
    public record Rotated(boolean resumed, long rewrapped, long left, boolean finished) {
    }

    /** Rotates the field keyset, or finishes a rotation a crash interrupted. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Rotated rotate() {
        UserAccount caller = steppedUp();
        KeyRotation.Result done = rotation.rotate(-1);
        audit.recordIndependently(caller.getUsername(), AuditAction.FIELD_KEYS_ROTATED, null, AuditOutcome.SUCCESS,
                "rewrapped=" + done.rewrapped() + " left=" + done.left() + (done.resumed() ? " resumed" : "")
                        + (done.oldKeysRemoved() ? " old-keys-removed" : ""));
        return new Rotated(done.resumed(), done.rewrapped(), done.left(), done.oldKeysRemoved());
    }

    /** What an index rotation did: indexes rebuilt, receipt codes still on the old key, whether it is gone. */
    public record Reindexed(boolean resumed, long reindexed, long receiptsWaiting, boolean finished) {
    }

    /** Rotates the blind-index keyset (the indexes rebuilt), or finishes an index rotation left half way. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Reindexed rotateIndex() {
        UserAccount caller = steppedUp();
        KeyRotation.IndexResult done = rotation.rotateIndex();
        audit.recordIndependently(caller.getUsername(), AuditAction.INDEX_KEYS_ROTATED, null, AuditOutcome.SUCCESS,
                "reindexed=" + done.reindexed() + " receipts-waiting=" + done.receiptsWaiting()
                        + (done.resumed() ? " resumed" : "") + (done.oldKeysRemoved() ? " old-keys-removed" : ""));
        return new Reindexed(done.resumed(), done.reindexed(), done.receiptsWaiting(), done.oldKeysRemoved());
    }
}
