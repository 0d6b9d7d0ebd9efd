package org.continuum.identity.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.identity.control.Caller;
import org.continuum.identity.control.FailedAttempts;
import org.continuum.identity.control.PasswordHasher;
import org.continuum.identity.control.PasswordPolicy;
import org.continuum.identity.control.SecondFactor;
import org.continuum.identity.control.Staff;
import org.continuum.identity.entity.UserAccount;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.control.Roles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * What every staff member does to their own account: a new password, new recovery codes. Both need the current
 * password and a fresh code of the second factor; a wrong one counts towards the lockout like at the login page.
 */
@Stateless
@RolesAllowed({Roles.CASEWORKER, Roles.SECURITY_MENTOR, Roles.COORDINATOR, Roles.AUDITOR, Roles.ADMIN})
public class OwnAccount {

    @Inject
    Caller currentCaller;

    @Inject
    Staff staff;

    @Inject
    PasswordHasher passwords;

    @Inject
    SecondFactor secondFactor;

    @Inject
    AuditTrail audit;

    @Inject
    FailedAttempts failures;

    public void changePassword(char[] current, String code, char[] newPassword) {
        UserAccount me = proven(current, code);
        List<String> problems = new ArrayList<>(PasswordPolicy.problems(me.getUsername(), newPassword));
        if (passwords.verify(newPassword, me.getPasswordHash())) {
            problems.add("password.same");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        me.passwordChanged(passwords.hash(newPassword));
        audit.record(me.getUsername(), AuditAction.PASSWORD_CHANGED, null, null);
    }

    /** Ten new recovery codes replace the old ones (used or not); shown once. */
    public List<String> renewRecoveryCodes(char[] current, String code) {
        UserAccount me = proven(current, code);
        List<String> codes = secondFactor.newRecoveryCodes();
        staff.replaceRecoveryCodes(me, codes.stream().map(SecondFactor::digest).toList());
        audit.record(me.getUsername(), AuditAction.RECOVERY_CODES_RENEWED, null, "codes=" + codes.size());
        return codes;
    }

    public long recoveryCodesLeft() {
        return staff.unusedRecoveryCodes(currentCaller.account());
    }

    /**
     * The caller, after their current password and a fresh code. A wrong one is counted (lockout) in a transaction
     * of its own, because the refusal rolls this one back; the row lock is taken only once both are right.
     */
    private UserAccount proven(char[] current, String code) {
        UserAccount me = currentCaller.account();
        Instant now = Instant.now();
        if (!passwords.verify(current, me.getPasswordHash())) {
            throw refused(me.getUsername(), "own-account bad-password");
        }
        OptionalLong step = me.isEnrolled()
                ? secondFactor.accept(me.getTotpSecret(), code, me.getTotpLastStep(), now) : OptionalLong.empty();
        if (step.isEmpty()) {
            throw refused(me.getUsername(), "own-account bad-code");
        }
        UserAccount locked = staff.lockFresh(me);
        if (!locked.codeAccepted(step.getAsLong())) {
            // The same code was used meanwhile by a concurrent request: refused like a replay.
            throw new InvalidInput("ownAccount.proof.wrong");
        }
        locked.recordSuccessfulLogin();
        return locked;
    }

    private InvalidInput refused(String username, String reason) {
        failures.record(username, AuditAction.REAUTHENTICATION_FAILED, reason);
        return new InvalidInput("ownAccount.proof.wrong");
    }
}
