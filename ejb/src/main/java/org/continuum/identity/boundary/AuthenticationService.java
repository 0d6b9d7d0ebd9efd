package org.continuum.identity.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.audit.entity.AuditOutcome;
import org.continuum.identity.control.FailedAttempts;
import org.continuum.identity.control.LoginThrottle;
import org.continuum.identity.control.PasswordHasher;
import org.continuum.identity.control.SecondFactor;
import org.continuum.identity.control.Staff;
import org.continuum.identity.entity.RecoveryCode;
import org.continuum.identity.entity.Role;
import org.continuum.platform.control.DemoMode;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.control.Roles;
import org.continuum.identity.entity.UserAccount;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks credentials for the web tier's identity store, in two steps: the password, then a code of the account's
 * second factor (enrolled at the first login). Open to everyone by nature (it is how one becomes someone). Every
 * attempt is audited; failures of either step are counted on the account (its row locked, so concurrent guesses
 * all count) and lock it after {@link UserAccount#MAX_FAILED_LOGINS}. Unknown users cost the same hashing time as
 * known ones, and the answer never says which part was wrong.
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

    @Inject
    SecondFactor secondFactor;

    @Inject
    LoginThrottle throttle;

    @Inject
    FailedAttempts failures;

    private final Clock clock = Clock.systemUTC();

    /**
     * The first step: the password. Right, it earns a ticket for the next step (the code, or enrolment first when
     * the account has no second factor yet); wrong, it counts towards the lockout. Nobody is logged in by a password.
     */
    public PasswordStep password(String username, char[] password, String clientAddress) {
        Instant now = Instant.now(clock);
        String name = normalised(username);
        LoginThrottle.Verdict verdict = throttle.check(clientAddress);
        if (!verdict.allowed()) {
            audit.recordIndependently(safeActor(name), AuditAction.LOGIN_FAILED, null, AuditOutcome.DENIED,
                    "throttled");
            return new PasswordStep(Next.THROTTLED, null, null, verdict.retryAfter().toSeconds() + 1);
        }
        Optional<UserAccount> found = staff.byUsername(name);
        if (found.isEmpty()) {
            passwords.verifyDecoy(password);
            throttle.failed(clientAddress);
            audit.recordIndependently(safeActor(name), AuditAction.LOGIN_FAILED, null, AuditOutcome.FAILURE,
                    "unknown-user");
            return PasswordStep.REFUSED;
        }
        // The slow hash runs before the row lock, so concurrent attempts queue only for the counting.
        boolean right = found.get().canLogIn(now) ? passwords.verify(password, found.get().getPasswordHash())
                : decoy(password);
        UserAccount user = staff.lockFresh(found.get());
        if (!user.canLogIn(now)) {
            throttle.failed(clientAddress);
            audit.record(user.getUsername(), AuditAction.LOGIN_FAILED, null, user.isEnabled() ? "locked" : "disabled");
            return PasswordStep.REFUSED;
        }
        if (!right) {
            throttle.failed(clientAddress);
            failed(user, "bad-password", now);
            return PasswordStep.REFUSED;
        }
        String ticket = SecondFactor.token();
        user.passwordAccepted(SecondFactor.digest(ticket), now.plus(TICKET_LIFETIME));
        return new PasswordStep(user.isEnrolled() ? Next.CODE : Next.ENROL, user.getUsername(), ticket, 0);
    }

    /**
     * The second step: a code of the account's authenticator (each accepted once) or one of its recovery codes
     * (each usable once). Wrong, it counts towards the lockout like a wrong password. Right, the login is done.
     */
    public Optional<AuthenticatedUser> code(String username, String ticket, String code, String clientAddress) {
        Instant now = Instant.now(clock);
        if (!throttle.check(clientAddress).allowed()) {
            audit.recordIndependently(safeActor(normalised(username)), AuditAction.LOGIN_FAILED, null,
                    AuditOutcome.DENIED, "throttled");
            return Optional.empty();
        }
        UserAccount user = staff.lockByUsername(normalised(username)).orElse(null);
        if (user == null || ticket == null || !user.holdsTicket(SecondFactor.digest(ticket), now)
                || !user.canLogIn(now) || !user.isEnrolled()) {
            audit.recordIndependently(user == null ? safeActor(normalised(username)) : user.getUsername(),
                    AuditAction.LOGIN_FAILED, null, AuditOutcome.FAILURE, "no-valid-ticket");
            return Optional.empty();
        }
        OptionalLong step = secondFactor.accept(user.getTotpSecret(), code, user.getTotpLastStep(), now);
        boolean accepted;
        if (step.isPresent()) {
            accepted = user.codeAccepted(step.getAsLong());
        } else {
            accepted = recoveryCodeUsed(user, code, now);
        }
        if (!accepted) {
            throttle.failed(clientAddress);
            if (failed(user, "bad-code", now)) {
                user.ticketSpent();
            }
            return Optional.empty();
        }
        user.ticketSpent();
        user.recordSuccessfulLogin();
        audit.record(user.getUsername(), AuditAction.LOGIN_SUCCEEDED, null, null);
        Set<String> groups = user.getRoles().stream().map(Role::name).collect(Collectors.toUnmodifiableSet());
        return Optional.of(new AuthenticatedUser(user.getUsername(), user.getDisplayName(), groups,
                user.getLanguage(), user.getTeam() == null ? null : user.getTeam().getName()));
    }

    /** What enrolment shows: the secret to scan (as a QR code of this URI) or type. Needs the password's ticket. */
    public Enrolment startEnrolment(String username, String ticket) {
        UserAccount user = ticketHolder(username, ticket);
        if (user.isEnrolled()) {
            throw new InvalidInput("secondFactor.alreadyEnrolled");
        }
        if (user.getTotpSecret() == null) {
            user.startEnrolment(secondFactor.newSecret());
        }
        String secret = user.getTotpSecret();
        return new Enrolment(secret, secondFactor.provisioningUri(user.getUsername(), secret));
    }

    /**
     * The first code from the authenticator confirms the secret; the answer is the ten recovery codes, shown once.
     * The ticket stays valid: the person then logs in with the next code.
     */
    public List<String> confirmEnrolment(String username, String ticket, String code) {
        Instant now = Instant.now(clock);
        UserAccount unlocked = staff.byUsername(normalised(username)).orElse(null);
        if (unlocked == null || ticket == null || !unlocked.holdsTicket(SecondFactor.digest(ticket), now)
                || !unlocked.canLogIn(now) || unlocked.isEnrolled() || unlocked.getTotpSecret() == null) {
            throw new InvalidInput("secondFactor.notEnrolling");
        }
        OptionalLong step = secondFactor.accept(unlocked.getTotpSecret(), code, null, now);
        if (step.isEmpty()) {
            // Counted in a transaction of its own: this refusal rolls the current one back.
            failures.record(unlocked.getUsername(), AuditAction.LOGIN_FAILED, "bad-enrolment-code");
            throw new InvalidInput("secondFactor.code.wrong");
        }
        UserAccount user = ticketHolder(username, ticket);
        if (user.isEnrolled()) {
            throw new InvalidInput("secondFactor.notEnrolling");
        }
        user.enrolled(step.getAsLong(), now);
        List<String> codes = secondFactor.newRecoveryCodes();
        staff.replaceRecoveryCodes(user, codes.stream().map(SecondFactor::digest).toList());
        audit.record(user.getUsername(), AuditAction.SECOND_FACTOR_ENROLLED, null, "recovery-codes=" + codes.size());
        return codes;
    }

    /**
     * Demo servers only: the current code of a demo account that has just given its (published) password, so a
     * newcomer needs no phone. Empty on any other server and for any other account.
     */
    public Optional<String> demoCode(String username, String ticket) {
        if (!DemoMode.on()) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        return staff.byUsername(normalised(username))
                .filter(UserAccount::isDemoAccount)
                .filter(u -> ticket != null && u.holdsTicket(SecondFactor.digest(ticket), now))
                .filter(u -> u.getTotpSecret() != null)
                .map(u -> secondFactor.code(u.getTotpSecret(), now));
    }

    private UserAccount ticketHolder(String username, String ticket) {
        Instant now = Instant.now(clock);
        UserAccount user = staff.lockByUsername(normalised(username)).orElse(null);
        if (user == null || ticket == null || !user.holdsTicket(SecondFactor.digest(ticket), now)
                || !user.canLogIn(now)) {
            throw new InvalidInput("login.expired");
        }
        return user;
    }

    private boolean recoveryCodeUsed(UserAccount user, String typed, Instant now) {
        String code = SecondFactor.normalisedRecoveryCode(typed);
        if (code == null) {
            return false;
        }
        Optional<RecoveryCode> unused = staff.unusedRecoveryCode(user, SecondFactor.digest(code));
        if (unused.isEmpty() || !unused.get().use(now)) {
            return false;
        }
        audit.record(user.getUsername(), AuditAction.RECOVERY_CODE_USED, null,
                "left=" + staff.unusedRecoveryCodes(user));
        return true;
    }

    /** Counts a failed attempt of any step; returns true when it locked the account. */
    private boolean failed(UserAccount user, String reason, Instant now) {
        boolean lockedNow = user.recordFailedLogin(now);
        audit.record(user.getUsername(), AuditAction.LOGIN_FAILED, null,
                reason + " attempt=" + user.getFailedLogins());
        if (lockedNow) {
            audit.record(user.getUsername(), AuditAction.LOGIN_LOCKED_OUT, null,
                    "failed-attempts=" + user.getFailedLogins());
        }
        return lockedNow;
    }

    private boolean decoy(char[] password) {
        passwords.verifyDecoy(password);
        return false;
    }

    private static String normalised(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether a logged-in person's session may go on: false once the account is disabled or gone. */
    public boolean sessionMayContinue(String username) {
        return staff.isActive(normalised(username));
    }

    /** A session was ended by the server ({@code disabled} account, or {@code expired} lifetime). */
    public void sessionCut(String username, String reason) {
        audit.recordIndependently(safeActor(normalised(username)), AuditAction.SESSION_CUT, null,
                AuditOutcome.SUCCESS, "reason=" + (reason == null ? "-" : reason.replaceAll("[^a-z-]", "")));
    }

    public void loggedOut(String username) {
        audit.recordIndependently(safeActor(username), AuditAction.LOGOUT, null, AuditOutcome.SUCCESS, null);
    }

    /** Typed usernames go to the audit trail only if they look like usernames (never a mistyped password). */
    private static String safeActor(String name) {
        return name != null && name.matches("[a-z0-9._-]{1,80}") ? name : "invalid-username";
    }

    /** How long the password's ticket lets the person finish the login (code, or enrolment then code). */
    static final Duration TICKET_LIFETIME = Duration.ofMinutes(10);

    public enum Next { REFUSED, THROTTLED, CODE, ENROL }

    /**
     * The answer to the password: refused, throttled (try again after {@code retryAfterSeconds}), or the next step
     * with the ticket that step must present.
     */
    public record PasswordStep(Next next, String username, String ticket, long retryAfterSeconds) {
        static final PasswordStep REFUSED = new PasswordStep(Next.REFUSED, null, null, 0);

        @Override
        public String toString() {
            return "PasswordStep[" + next + "]";
        }
    }

    /** The secret to enrol, in text and as the URI an authenticator app reads from the QR code. */
    public record Enrolment(String secret, String provisioningUri) {
        @Override
        public String toString() {
            return "Enrolment[…]";
        }
    }

    public record AuthenticatedUser(String username, String displayName, Set<String> groups, String language,
                                    String teamName) {
    }
}
