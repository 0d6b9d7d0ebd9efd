package org.continuum.identity.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.continuum.platform.control.RowIdSequences;
import org.hibernate.annotations.NaturalId;
import jakarta.persistence.Version;

import org.continuum.security.control.Sealed;
import org.continuum.security.control.SealedRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A staff member who logs in. The account itself enforces the lockout rule (5 failed attempts lock it for
 * {@link #LOCK_DURATION}) so that no caller can forget to apply it.
 */
@Entity
@Table(name = "app_user")
public class UserAccount implements SealedRecord {

    public static final int MAX_FAILED_LOGINS = 5;
    public static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_ids")
    @SequenceGenerator(name = "app_user_ids", sequenceName = "app_user_ids", allocationSize = RowIdSequences.ALLOCATION)
    private Long id;

    /** Never changes once the account exists (only the display name does), so it identifies the account. */
    @NaturalId
    @Column(nullable = false, unique = true, length = 80, updatable = false)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 400)
    private String passwordHash;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "team_id")
    private Team team;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", length = 40)
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(nullable = false, length = 8)
    private String language;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(length = 254)
    private String email;

    @Column(name = "notifications_off", length = 400)
    private String notificationsOff;

    /** The second factor's shared secret (Base32), sealed; set at enrolment, confirmed by a first valid code. */
    @Sealed
    @Column(name = "totp_secret_enc", length = 1024)
    private String totpSecret;

    @Column(name = "totp_enrolled_at")
    private Instant totpEnrolledAt;

    /** The time step of the last code accepted: a code of this step or an earlier one is a replay. */
    @Column(name = "totp_last_step")
    private Long totpLastStep;

    @Column(name = "login_ticket_hash", length = 64)
    private String loginTicketHash;

    @Column(name = "login_ticket_expires")
    private Instant loginTicketExpires;

    @Column(name = "demo_account", nullable = false)
    private boolean demoAccount;

    @Version
    private long version;

    protected UserAccount() {
    }

    public UserAccount(String username, String displayName, String passwordHash, Team team, Set<Role> roles,
                       String language) {
        if (username == null || !username.matches("[a-z0-9._-]{2,80}")) {
            throw new IllegalArgumentException("username must be 2-80 lower-case letters, digits, '.', '_' or '-'");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("display name is required");
        }
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one role");
        }
        boolean needsTeam = roles.contains(Role.CASEWORKER) || roles.contains(Role.COORDINATOR);
        if (needsTeam && team == null) {
            throw new IllegalArgumentException("caseworkers and coordinators belong to a team");
        }
        this.username = username;
        this.displayName = displayName.strip();
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.team = team;
        this.roles = EnumSet.copyOf(roles);
        this.language = language == null || language.isBlank() ? "en" : language;
        this.enabled = true;
    }

    /** New roles and team, checked like a new account's (caseworkers and coordinators belong to an active team). */
    public void changeRolesAndTeam(Set<Role> newRoles, Team newTeam) {
        requireRolesAndTeam(newRoles, newTeam);
        this.roles = EnumSet.copyOf(newRoles);
        this.team = newTeam;
    }

    /** Cut off at once: every session of this person ends at its next request, and no login works. */
    public void disable() {
        if (!enabled) {
            throw new IllegalStateException("account.alreadyDisabled");
        }
        this.enabled = false;
        ticketSpent();
    }

    public void enable() {
        if (enabled) {
            throw new IllegalStateException("account.alreadyEnabled");
        }
        this.enabled = true;
        this.failedLogins = 0;
        this.lockedUntil = null;
    }

    /** A new password hash (set by the person, or by an administrator's reset); the second factor stays. */
    public void passwordChanged(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash);
        ticketSpent();
    }

    public void rename(String newDisplayName) {
        if (newDisplayName == null || newDisplayName.isBlank() || newDisplayName.strip().length() > 200) {
            throw new IllegalArgumentException("account.displayName.invalid");
        }
        this.displayName = newDisplayName.strip();
    }

    private static void requireRolesAndTeam(Set<Role> roles, Team team) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("account.roles.required");
        }
        boolean needsTeam = roles.contains(Role.CASEWORKER) || roles.contains(Role.COORDINATOR);
        if (needsTeam && team == null) {
            throw new IllegalArgumentException("account.team.required");
        }
        if (team != null && team.isRetired()) {
            throw new IllegalArgumentException("account.team.retired");
        }
    }

    /** The address staff notifications go to (none: the user receives no mail). */
    public void changeEmail(String address) {
        if (address != null && !address.isBlank()
                && !address.strip().matches("[^@\\s]{1,64}@[A-Za-z0-9.-]{1,180}\\.[A-Za-z]{2,24}")) {
            throw new IllegalArgumentException("user.email.invalid");
        }
        this.email = address == null || address.isBlank() ? null : address.strip();
    }

    public String getEmail() {
        return email;
    }

    /** The notification kinds (names) this user does not want by mail. */
    public java.util.Set<String> getNotificationsOff() {
        return notificationsOff == null || notificationsOff.isBlank() ? java.util.Set.of()
                : java.util.Set.of(notificationsOff.split("\\|"));
    }

    /** The language of this user's mails (ISO 639-1; the interface languages are en, fr and ar). */
    public void preferLanguage(String code) {
        if (code == null || !code.matches("[a-z]{2}")) {
            throw new IllegalArgumentException("user.language.invalid");
        }
        this.language = code;
    }

    public void chooseNotificationsOff(java.util.Collection<String> kinds) {
        this.notificationsOff = kinds == null || kinds.isEmpty() ? null
                : String.join("|", new java.util.TreeSet<>(kinds));
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Records a failed attempt; returns true when this attempt locked the account. */
    public boolean recordFailedLogin(Instant now) {
        if (lockedUntil != null && !now.isBefore(lockedUntil)) {
            lockedUntil = null;
            failedLogins = 0;
        }
        failedLogins++;
        if (failedLogins >= MAX_FAILED_LOGINS && lockedUntil == null) {
            lockedUntil = now.plus(LOCK_DURATION);
            return true;
        }
        return false;
    }

    public void recordSuccessfulLogin() {
        failedLogins = 0;
        lockedUntil = null;
    }

    /**
     * The password was right: the next step (code, or enrolment first) must present this ticket (stored as its
     * digest) before {@code expires}. A new ticket replaces any earlier one.
     */
    public void passwordAccepted(String ticketDigest, Instant expires) {
        this.loginTicketHash = Objects.requireNonNull(ticketDigest);
        this.loginTicketExpires = Objects.requireNonNull(expires);
    }

    /** True when {@code ticketDigest} is the digest of the ticket the password step issued and it has not expired. */
    public boolean holdsTicket(String ticketDigest, Instant now) {
        return loginTicketHash != null && ticketDigest != null && loginTicketExpires != null
                && now.isBefore(loginTicketExpires)
                && java.security.MessageDigest.isEqual(loginTicketHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                ticketDigest.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** The login finished (or was given up): the ticket is spent. */
    public void ticketSpent() {
        this.loginTicketHash = null;
        this.loginTicketExpires = null;
    }

    /** A new secret to enrol, replacing an unconfirmed one; an enrolled second factor must be reset first. */
    public void startEnrolment(String secret) {
        if (isEnrolled()) {
            throw new IllegalStateException("secondFactor.alreadyEnrolled");
        }
        this.totpSecret = Objects.requireNonNull(secret);
        this.totpLastStep = null;
    }

    /** The first valid code confirmed the secret: from now on every login needs a code. */
    public void enrolled(long acceptedStep, Instant now) {
        if (totpSecret == null || isEnrolled()) {
            throw new IllegalStateException("secondFactor.notEnrolling");
        }
        this.totpEnrolledAt = now;
        this.totpLastStep = acceptedStep;
    }

    /** A code of step {@code step} was accepted; returns false (and changes nothing) for a replayed step. */
    public boolean codeAccepted(long step) {
        if (totpLastStep != null && step <= totpLastStep) {
            return false;
        }
        this.totpLastStep = step;
        return true;
    }

    /** An administrator reset the second factor: the next login enrols again. */
    public void secondFactorReset() {
        this.totpSecret = null;
        this.totpEnrolledAt = null;
        this.totpLastStep = null;
    }

    public boolean isEnrolled() {
        return totpEnrolledAt != null && totpSecret != null;
    }

    public String getTotpSecret() {
        return totpSecret;
    }

    public Long getTotpLastStep() {
        return totpLastStep;
    }

    /** Marked by the demo seed loader; a production start refuses while such an account can log in. */
    public void markAsDemo() {
        this.demoAccount = true;
    }

    public boolean isDemoAccount() {
        return demoAccount;
    }

    public boolean canLogIn(Instant now) {
        return enabled && !isLocked(now);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Team getTeam() {
        return team;
    }

    public Set<Role> getRoles() {
        return Collections.unmodifiableSet(roles);
    }

    public String getLanguage() {
        return language;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public int getFailedLogins() {
        return failedLogins;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserAccount other && username.equals(other.username);
    }

    @Override
    public int hashCode() {
        return Objects.hash(username);
    }

    @Override
    public String sealingScope() {
        return GENERAL;
    }
}
