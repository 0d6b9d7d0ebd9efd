package org.continuum.administration.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.audit.entity.AuditOutcome;
import org.continuum.identity.control.PasswordHasher;
import org.continuum.identity.control.PasswordPolicy;
import org.continuum.identity.control.SecondFactor;
import org.continuum.identity.control.Staff;
import org.continuum.identity.entity.BootstrapToken;
import org.continuum.identity.entity.Role;
import org.continuum.identity.entity.UserAccount;
import org.continuum.platform.control.DemoMode;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.control.Roles;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The first administrator of a new installation. At a start without demo data and without any active administrator,
 * the server prints a one-time link (valid 30 minutes) to its log; whoever can read the server's log opens it and
 * creates the first administrator, who then logs in and sets up a second factor before anything else. Open to
 * everyone by nature (nobody exists yet), so it refuses everything once an administrator exists.
 */
@Stateless
@PermitAll
public class FirstAdministrator {

    static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final String ACTOR = "bootstrap";

    @Inject
    Staff staff;

    @Inject
    PasswordHasher passwords;

    @Inject
    AuditTrail audit;

    /**
     * A new one-time token when the installation has no active administrator (and is no demo); else empty. Only the
     * server itself asks, at start, and prints the link to its own log.
     */
    @RolesAllowed(Roles.SYSTEM)
    public Optional<String> issueIfNeeded() {
        if (DemoMode.on() || staff.hasActiveAdministrator()) {
            return Optional.empty();
        }
        String token = SecondFactor.token();
        staff.addBootstrapToken(new BootstrapToken(SecondFactor.digest(token), Instant.now().plus(LIFETIME)));
        audit.record(ACTOR, AuditAction.SEED_LOADED, null, "bootstrap-link-issued");
        return Optional.of(token);
    }

    /** Creates the first administrator with the token of the link; the token is spent. */
    public String create(String token, String username, String displayName, String email, char[] password) {
        Instant now = Instant.now();
        BootstrapToken found = token == null ? null
                : staff.lockBootstrapToken(SecondFactor.digest(token)).orElse(null);
        if (found == null || !found.isUsable(now) || staff.hasActiveAdministrator() || DemoMode.on()) {
            audit.recordIndependently(ACTOR, AuditAction.ACCOUNT_CREATED, null, AuditOutcome.DENIED,
                    "bootstrap-refused");
            throw new InvalidInput("bootstrap.invalid");
        }
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        List<String> problems = new ArrayList<>();
        if (!name.matches("[a-z0-9._-]{2,80}")) {
            problems.add("account.username.invalid");
        } else if (staff.byUsername(name).isPresent()) {
            problems.add("account.username.taken");
        }
        problems.addAll(PasswordPolicy.problems(name, password));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        UserAccount admin = InvalidInput.whenRefused(() -> {
            UserAccount created = new UserAccount(name, displayName, passwords.hash(password), null,
                    EnumSet.of(Role.ADMIN), "en");
            created.changeEmail(email);
            return created;
        });
        staff.add(admin);
        found.use(now);
        audit.record(ACTOR, AuditAction.ACCOUNT_CREATED, null, "account=" + name + " roles=ADMIN first-administrator");
        return name;
    }
}
