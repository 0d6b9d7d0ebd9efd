package org.continuum.administration.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.casefile.control.CaseFiles;
import org.continuum.identity.control.StepUps;
import org.continuum.identity.control.Caller;
import org.continuum.identity.control.PasswordHasher;
import org.continuum.identity.control.PasswordPolicy;
import org.continuum.identity.control.Staff;
import org.continuum.identity.entity.Role;
import org.continuum.identity.entity.Team;
import org.continuum.identity.entity.UserAccount;
import org.continuum.notification.control.Notifier;
import org.continuum.notification.entity.NotificationKind;
import org.continuum.platform.control.DemoMode;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.control.Roles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Administrators keep the staff accounts and teams. A password set here follows the password policy; a second
 * factor reset needs the administrator's fresh step-up and a reason. Reasons are asked for, but the audit trail
 * holds codes only (never free text), so it records that a reason was given, not the reason. Disabling an account ends every session of that
 * person at its next request (the web tier checks the account on every request). Administrators cannot disable or
 * demote themselves, so an organisation cannot lock itself out by mistake.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class AccountAdministration {

    static final int MIN_REASON = 10;

    @Inject
    Caller currentCaller;

    @Inject
    StepUps stepUps;

    @Inject
    Staff staff;

    @Inject
    PasswordHasher passwords;

    @Inject
    CaseFiles caseFiles;

    @Inject
    AuditTrail audit;

    @Inject
    Notifier notifier;

    public List<AccountRow> accounts() {
        Instant now = Instant.now();
        return staff.all().stream().map(u -> AccountRow.of(u, now)).toList();
    }

    public AccountRow account(String username) {
        return AccountRow.of(find(username), Instant.now());
    }

    public List<TeamRow> teams() {
        return staff.teams().stream().map(t -> new TeamRow(t.getCode(), t.getName(), t.isRetired(),
                caseFiles.countOpenOfTeam(t))).toList();
    }

    /** A new account with an initial password the administrator hands over; the person enrols at first login. */
    public String create(NewAccount form) {
        String admin = currentCaller.username();
        List<String> problems = new ArrayList<>();
        String username = form.username() == null ? "" : form.username().strip().toLowerCase(java.util.Locale.ROOT);
        if (!username.matches("[a-z0-9._-]{2,80}")) {
            problems.add("account.username.invalid");
        } else if (staff.byUsername(username).isPresent()) {
            problems.add("account.username.taken");
        }
        problems.addAll(PasswordPolicy.problems(username, form.initialPassword()));
        Team team = team(form.teamCode(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        UserAccount user = InvalidInput.whenRefused(() -> {
            UserAccount created = new UserAccount(username, form.displayName(),
                    passwords.hash(form.initialPassword()), team, roles(form.roles()), form.language());
            created.changeEmail(form.email());
            if (DemoMode.on()) {
                // Everything a demo server holds is demo: a production start refuses it, a demo start accepts it.
                created.markAsDemo();
            }
            return created;
        });
        staff.add(user);
        audit.record(admin, AuditAction.ACCOUNT_CREATED, null, "account=" + username + " roles="
                + codes(user.getRoles()) + " team=" + (team == null ? "-" : team.getCode()));
        return username;
    }

    /** New roles, team and display name; the audit row says what was and what is. */
    public void change(String username, Set<Role> roles, String teamCode, String displayName) {
        String admin = currentCaller.username();
        UserAccount user = staff.lockByUsername(username).orElseThrow(() -> new InvalidInput("account.unknown"));
        List<String> problems = new ArrayList<>();
        Team team = team(teamCode, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (user.getUsername().equals(admin) && (roles == null || !roles.contains(Role.ADMIN))) {
            throw new InvalidInput("account.ownAdminRole");
        }
        String before = "roles=" + codes(user.getRoles()) + " team="
                + (user.getTeam() == null ? "-" : user.getTeam().getCode());
        InvalidInput.whenRefused(() -> {
            user.changeRolesAndTeam(roles(roles), team);
            if (displayName != null && !displayName.isBlank()) {
                user.rename(displayName);
            }
            return user;
        });
        String after = "roles=" + codes(user.getRoles()) + " team=" + (team == null ? "-" : team.getCode());
        audit.record(admin, AuditAction.ACCOUNT_CHANGED, null, "account=" + username + " " + before + " to " + after);
    }

    public void disable(String username, String reason) {
        String admin = currentCaller.username();
        requireReason(reason);
        UserAccount user = staff.lockByUsername(username).orElseThrow(() -> new InvalidInput("account.unknown"));
        if (user.getUsername().equals(admin)) {
            throw new InvalidInput("account.ownAccount");
        }
        InvalidInput.whenRefused(() -> {
            user.disable();
            return user;
        });
        audit.record(admin, AuditAction.ACCOUNT_DISABLED, null, "account=" + username + " reason-given");
    }

    public void enable(String username) {
        UserAccount user = staff.lockByUsername(username).orElseThrow(() -> new InvalidInput("account.unknown"));
        InvalidInput.whenRefused(() -> {
            user.enable();
            return user;
        });
        audit.record(currentCaller.username(), AuditAction.ACCOUNT_ENABLED, null, "account=" + username);
    }

    /** A new password to hand over; the second factor stays (a password reset never skips it). */
    public void resetPassword(String username, char[] newPassword) {
        UserAccount user = staff.lockByUsername(username).orElseThrow(() -> new InvalidInput("account.unknown"));
        List<String> problems = PasswordPolicy.problems(user.getUsername(), newPassword);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        user.passwordChanged(passwords.hash(newPassword));
        audit.record(currentCaller.username(), AuditAction.PASSWORD_RESET, null, "account=" + username);
    }

    /**
     * The person lost their phone and their recovery codes: the next login enrols again. Needs the administrator's
     * own step-up within the window and a reason.
     */
    public void resetSecondFactor(String username, String reason) {
        UserAccount admin = currentCaller.account();
        requireReason(reason);
        if (!stepUps.fresh(admin, Instant.now())) {
            throw new InvalidInput("account.reauth.required");
        }
        UserAccount user = staff.lockByUsername(username).orElseThrow(() -> new InvalidInput("account.unknown"));
        user.secondFactorReset();
        staff.replaceRecoveryCodes(user, List.of());
        // The person is told by mail (no secret in it): a reset they did not ask for is an alarm.
        notifier.notify(NotificationKind.SECOND_FACTOR_RESET, null, null, List.of(user),
                "second-factor-reset=" + Instant.now().toEpochMilli());
        audit.record(admin.getUsername(), AuditAction.SECOND_FACTOR_RESET, null,
                "account=" + username + " reason-given step-up");
    }

    public void createTeam(String code, String name) {
        String normalised = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        if (staff.teamByCode(normalised).isPresent()) {
            throw new InvalidInput("team.code.taken");
        }
        Team team = InvalidInput.whenRefused(() -> new Team(normalised, name));
        staff.addTeam(team);
        audit.record(currentCaller.username(), AuditAction.TEAM_CREATED, null, "team=" + normalised);
    }

    public void renameTeam(String code, String name) {
        Team team = staff.teamByCode(code).orElseThrow(() -> new InvalidInput("team.unknown"));
        String before = team.getName();
        InvalidInput.whenRefused(() -> {
            team.rename(name);
            return team;
        });
        audit.record(currentCaller.username(), AuditAction.TEAM_RENAMED, null, "team=" + code
                + " name-changed=" + !before.equals(team.getName()));
    }

    /** Refused while the team has open case files: they need a team to be followed. */
    public void retireTeam(String code) {
        Team team = staff.teamByCode(code).orElseThrow(() -> new InvalidInput("team.unknown"));
        long open = caseFiles.countOpenOfTeam(team);
        if (open > 0) {
            throw new InvalidInput("team.hasOpenCases");
        }
        InvalidInput.whenRefused(() -> {
            team.retire(Instant.now());
            return team;
        });
        audit.record(currentCaller.username(), AuditAction.TEAM_RETIRED, null, "team=" + code);
    }

    private UserAccount find(String username) {
        return staff.byUsername(username).orElseThrow(() -> new InvalidInput("account.unknown"));
    }

    private Team team(String code, List<String> problems) {
        if (code == null || code.isBlank()) {
            return null;
        }
        Team team = staff.teamByCode(code).orElse(null);
        if (team == null) {
            problems.add("team.unknown");
        } else if (team.isRetired()) {
            problems.add("account.team.retired");
        }
        return team;
    }

    /** Role names for the audit trail, e.g. {@code CASEWORKER,SECURITY_MENTOR} (its details hold codes only). */
    private static String codes(Set<Role> roles) {
        return String.join(",", new TreeSet<>(roles.stream().map(Role::name).toList()));
    }

    private static Set<Role> roles(Set<Role> roles) {
        return roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.strip().length() < MIN_REASON) {
            throw new InvalidInput("account.reason.required");
        }
    }

    /** What the form holds for a new account. */
    public record NewAccount(String username, String displayName, String email, Set<Role> roles, String teamCode,
                             String language, char[] initialPassword) {
        @Override
        public String toString() {
            return "NewAccount[" + username + "]";
        }
    }

    /** One account as administrators see it: never a secret, never case content. */
    public record AccountRow(String username, String displayName, String email, Set<Role> roles, String teamCode,
                             String language, boolean enabled, boolean enrolled, boolean locked, boolean demo) implements Serializable {
        static AccountRow of(UserAccount u, Instant now) {
            return new AccountRow(u.getUsername(), u.getDisplayName(), u.getEmail(), u.getRoles(),
                    u.getTeam() == null ? null : u.getTeam().getCode(), u.getLanguage(), u.isEnabled(),
                    u.isEnrolled(), u.isLocked(now), u.isDemoAccount());
        }
    }

    public record TeamRow(String code, String name, boolean retired, long openCaseFiles) implements Serializable {
    }
}
