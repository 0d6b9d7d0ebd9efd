package org.continuum.identity.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.identity.control.Caller;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.audit.entity.AuditOutcome;
import org.continuum.identity.control.PasswordHasher;
import org.continuum.platform.control.Roles;
import org.continuum.identity.entity.UserAccount;

import java.time.Duration;
import java.time.Instant;

/**
 * Step-up before money moves: the signed-in coordinator types their password again, and the boundaries that approve
 * or pay a grant accept the caller only within a short window after that ({@link #WINDOW_PROPERTY}, default five
 * minutes). A wrong password counts as a failed login, so guessing locks the account as at the login page.
 */
@Stateless
@RolesAllowed({Roles.COORDINATOR, Roles.ADMIN})
public class ReauthenticationService {

    @Inject
    Caller currentCaller;

    public static final String WINDOW_PROPERTY = "continuum.reauth.window";
    private static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

    @Inject
    PasswordHasher passwords;

    @Inject
    AuditTrail audit;

    /** Returns true when the password is the caller's; the failure is recorded (and may lock the account). */
    public boolean reauthenticate(char[] password) {
        UserAccount caller = currentCaller.account();
        Instant now = Instant.now();
        if (!caller.canLogIn(now) || !passwords.verify(password, caller.getPasswordHash())) {
            boolean locked = caller.canLogIn(now) && caller.recordFailedLogin(now);
            audit.record(caller.getUsername(), AuditAction.REAUTHENTICATION_FAILED, null,
                    "attempt=" + caller.getFailedLogins() + (locked ? " locked" : ""));
            return false;
        }
        caller.reauthenticated(now);
        audit.record(caller.getUsername(), AuditAction.REAUTHENTICATED, null, null);
        return true;
    }

    /** The step-up window the money boundaries apply. */
    public static Duration window() {
        String value = System.getProperty(WINDOW_PROPERTY);
        try {
            return value == null ? DEFAULT_WINDOW : Duration.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            return DEFAULT_WINDOW;
        }
    }
}
