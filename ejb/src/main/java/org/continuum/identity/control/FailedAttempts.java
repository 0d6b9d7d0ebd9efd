package org.continuum.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.identity.entity.UserAccount;

import java.time.Instant;

/**
 * Counts a failed proof (password or code) on an account in a transaction of its own, so the count and its audit
 * row survive the refusal that rolls the caller's transaction back. The caller must not hold the account's row
 * lock (this transaction takes it).
 */
@ApplicationScoped
public class FailedAttempts {

    @Inject
    Staff staff;

    @Inject
    AuditTrail audit;

    /** Returns true when this failure locked the account. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean record(String username, AuditAction action, String reason) {
        UserAccount user = staff.lockByUsername(username).orElse(null);
        if (user == null) {
            return false;
        }
        Instant now = Instant.now();
        boolean lockedNow = user.recordFailedLogin(now);
        audit.record(user.getUsername(), action, null, reason + " attempt=" + user.getFailedLogins());
        if (lockedNow) {
            audit.record(user.getUsername(), AuditAction.LOGIN_LOCKED_OUT, null,
                    "failed-attempts=" + user.getFailedLogins());
        }
        return lockedNow;
    }
}
