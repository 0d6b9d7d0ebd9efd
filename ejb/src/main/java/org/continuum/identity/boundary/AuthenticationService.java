package org.continuum.identity.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.audit.entity.AuditOutcome;
import org.continuum.identity.control.PasswordHasher;
import org.continuum.identity.control.Staff;
import org.continuum.identity.entity.Role;
import org.continuum.platform.control.Roles;
import org.continuum.identity.entity.UserAccount;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks credentials for the web tier's identity store. Open to everyone by nature (it is how one becomes
 * someone). Every attempt is audited; failures are counted on the account and lock it after
 * {@link UserAccount#MAX_FAILED_LOGINS}. Unknown users cost the same hashing time as known ones, and the answer
 * never says which part was wrong.
 */
@Stateless
@PermitAll
@DeclareRoles({Roles.CASEWORKER, Roles.SECURITY_MENTOR, Roles.COORDINATOR, Roles.AUDITOR, Roles.ADMIN, Roles.SYSTEM})
public class AuthenticationService {

    @Inject
    Staff staff;

    @Inject
    PasswordHasher passwords;

    @Inject
    AuditTrail audit;

    private final Clock clock = Clock.systemUTC();

    public Optional<AuthenticatedUser> authenticate(String username, char[] password) {
        Instant now = Instant.now(clock);
        String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        Optional<UserAccount> found = staff.byUsername(name);
        if (found.isEmpty()) {
            passwords.verifyDecoy(password);
            audit.recordIndependently(safeActor(name), AuditAction.LOGIN_FAILED, null, AuditOutcome.FAILURE,
                    "unknown-user");
            return Optional.empty();
        }
        UserAccount user = found.get();
        if (!user.canLogIn(now)) {
            passwords.verifyDecoy(password);
            audit.recordIndependently(user.getUsername(), AuditAction.LOGIN_FAILED, null, AuditOutcome.FAILURE,
                    user.isEnabled() ? "locked" : "disabled");
            return Optional.empty();
        }
        if (!passwords.verify(password, user.getPasswordHash())) {
            boolean lockedNow = user.recordFailedLogin(now);
            audit.recordIndependently(user.getUsername(), AuditAction.LOGIN_FAILED, null, AuditOutcome.FAILURE,
                    "bad-password attempt=" + user.getFailedLogins());
            if (lockedNow) {
                audit.recordIndependently(user.getUsername(), AuditAction.LOGIN_LOCKED_OUT, null,
                        AuditOutcome.SUCCESS, "failed-attempts=" + user.getFailedLogins());
            }
            return Optional.empty();
        }
        user.recordSuccessfulLogin();
        audit.record(user.getUsername(), AuditAction.LOGIN_SUCCEEDED, null, null);
        Set<String> groups = user.getRoles().stream().map(Role::name).collect(Collectors.toUnmodifiableSet());
        return Optional.of(new AuthenticatedUser(user.getUsername(), user.getDisplayName(), groups,
                user.getLanguage(), user.getTeam() == null ? null : user.getTeam().getName()));
    }

    public void loggedOut(String username) {
        audit.recordIndependently(safeActor(username), AuditAction.LOGOUT, null, AuditOutcome.SUCCESS, null);
    }

    /** Typed usernames go to the audit trail only if they look like usernames (never a mistyped password). */
    private static String safeActor(String name) {
        return name != null && name.matches("[a-z0-9._-]{1,80}") ? name : "invalid-username";
    }

    public record AuthenticatedUser(String username, String displayName, Set<String> groups, String language,
                                    String teamName) {
    }
}
