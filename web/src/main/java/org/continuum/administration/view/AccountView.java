package org.continuum.administration.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.administration.boundary.AccountAdministration;
import org.continuum.administration.boundary.Handover;
import org.continuum.identity.boundary.ReauthenticationService;
import org.continuum.identity.view.StepUpForm;
import org.continuum.identity.entity.Role;
import org.continuum.platform.view.Messages;
import org.continuum.platform.view.ViewActions;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * One staff account ({@code u} view parameter): roles, team and name; disable or enable; a new password; a reset of
 * the second factor (the administrator types their own password again, and a reason).
 */
@Named
@ViewScoped
public class AccountView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AccountAdministration administration;

    @Inject
    ReauthenticationService reauthentication;

    @Inject
    Handover handover;

    private String colleague;
    private Handover.Plan plan;
    private List<AccountAdministration.AccountRow> colleagues = List.of();

    private String username;
    private AccountAdministration.AccountRow account;
    private List<AccountAdministration.TeamRow> teams = List.of();

    private List<Role> roles = new ArrayList<>();
    private String teamCode;
    private String displayName;
    private String reason;
    private String newPassword;
    private final StepUpForm stepUp = new StepUpForm();

    public void load() {
        if (!ViewActions.run("account.unknown", () -> {
            account = administration.account(username);
            teams = administration.teams().stream().filter(t -> !t.retired()).toList();
            roles = new ArrayList<>(account.roles());
            teamCode = account.teamCode();
            displayName = account.displayName();
            colleagues = administration.accounts().stream()
                    .filter(a -> a.enabled() && !a.username().equals(username)).toList();
        })) {
            account = null;
        }
    }

    public void change() {
        run(() -> administration.change(username, roles.isEmpty() ? EnumSet.noneOf(Role.class)
                : EnumSet.copyOf(roles), teamCode, displayName), "account.changed");
    }

    public void disable() {
        run(() -> administration.disable(username, reason), "account.disabled");
    }

    public void enable() {
        run(() -> administration.enable(username), "account.enabled");
    }

    public void resetPassword() {
        char[] password = newPassword == null ? new char[0] : newPassword.toCharArray();
        newPassword = null;
        run(() -> administration.resetPassword(username, password), "account.passwordReset.done");
    }

    public void resetSecondFactor() {
        if (!stepUp.passed(reauthentication.needed(), reauthentication, "account.reauth.failed")) {
            return;
        }
        run(() -> administration.resetSecondFactor(username, reason), "account.secondFactorReset.done");
    }

    /** Lists what would move to the chosen colleague, before anything moves. */
    public void previewHandover() {
        plan = null;
        ViewActions.run("account.unknown", () -> plan = handover.preview(username, colleague));
    }

    public void handOver() {
        String to = colleague;
        if (account != null && ViewActions.run("account.unknown", () -> {
            int moved = handover.handOver(username, to);
            Messages.info("handover.done", moved);
        })) {
            plan = null;
            load();
        }
    }

    public List<AccountAdministration.AccountRow> getColleagues() {
        return colleagues;
    }

    public String getColleague() {
        return colleague;
    }

    public void setColleague(String colleague) {
        this.colleague = colleague;
        this.plan = null;
    }

    public Handover.Plan getPlan() {
        return plan;
    }

    private void run(ViewActions.Action action, String done) {
        if (account != null && ViewActions.run("account.unknown", action)) {
            Messages.info(done);
            reason = null;
            load();
        }
    }

    public Role[] getAllRoles() {
        return Role.values();
    }

    public AccountAdministration.AccountRow getAccount() {
        return account;
    }

    public List<AccountAdministration.TeamRow> getTeams() {
        return teams;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public List<Role> getRoles() {
        return roles;
    }

    public void setRoles(List<Role> roles) {
        this.roles = roles == null ? new ArrayList<>() : roles;
    }

    public String getTeamCode() {
        return teamCode;
    }

    public void setTeamCode(String teamCode) {
        this.teamCode = teamCode;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public StepUpForm getStepUp() {
        return stepUp;
    }

    public boolean isStepUpNeeded() {
        return reauthentication.needed();
    }
}
