package org.continuum.identity.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.identity.control.Caller;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.audit.entity.AuditOutcome;
import org.continuum.identity.control.PasswordHasher;
import org.continuum.identity.control.SecondFactor;
import org.continuum.identity.control.Staff;
import org.continuum.identity.control.StepUps;
import org.continuum.platform.control.Roles;
import org.continuum.identity.entity.UserAccount;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * Step-up before money moves, an auditor exports, or an administrator resets someone's second factor: the signed-in person types their
 * password again and a fresh code of their second factor, and the boundaries that need it accept the caller only
 * within a short window after that ({@link StepUps#WINDOW_PROPERTY}, default five minutes), and only in the HTTP
 * session where it was typed: another browser signed in as the same person must step up on its own. A wrong password
 * or code counts as a failed login, so guessing locks the account as at the login page.
 */
@Stateless
@RolesAllowed({Roles.COORDINATOR, Roles.ADMIN, Roles.AUDITOR, Roles.SECURITY_MENTOR})
public class ReauthenticationService {

    @Inject
    Caller currentCaller;

    @Inject
    StepUps stepUps;

    @Inject
    PasswordHasher passwords;

    @Inject
    SecondFactor secondFactor;

    @Inject
    Staff staff;

    @Inject
    AuditTrail audit;

    /** Whether the caller must type their password and a fresh code before a step-up action in this session. */
    public boolean needed() {
        return !stepUps.fresh(currentCaller.account(), Instant.now());
    }

    /**
     * Returns true when the password is the caller's and the code is a fresh one of their second factor (each code is
     * accepted once); a failure is recorded and counts towards the lockout, as at the login page.
     */
    public boolean reauthenticate(char[] password, String code) {
        UserAccount caller = currentCaller.account();
        Instant now = Instant.now();
        boolean passwordRight = caller.canLogIn(now) && passwords.verify(password, caller.getPasswordHash());
        UserAccount me = staff.lockFresh(caller);
        OptionalLong step = passwordRight && me.isEnrolled()
                ? secondFactor.accept(me.getTotpSecret(), code, me.getTotpLastStep(), now) : OptionalLong.empty();
        if (!me.canLogIn(now) || step.isEmpty() || !me.codeAccepted(step.getAsLong())) {
            boolean locked = me.canLogIn(now) && me.recordFailedLogin(now);
            audit.record(me.getUsername(), AuditAction.REAUTHENTICATION_FAILED, null,
                    (passwordRight ? "bad-code" : "bad-password") + " attempt=" + me.getFailedLogins()
                            + (locked ? " locked" : ""));
            return false;
        }
        me.recordSuccessfulLogin();
        stepUps.passed(me, now);
        audit.record(me.getUsername(), AuditAction.REAUTHENTICATED, null, null);
        return true;
    }
}
