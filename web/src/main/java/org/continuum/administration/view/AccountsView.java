package org.continuum.administration.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.administration.boundary.AccountAdministration;
import org.continuum.identity.entity.Role;
import org.continuum.platform.view.Messages;
import org.continuum.platform.view.ViewActions;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The accounts page: every staff account (no case content) and the form for a new one. */
@Named
@ViewScoped
public class AccountsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AccountAdministration administration;

    private List<AccountAdministration.AccountRow> accounts = List.of();
    private List<AccountAdministration.TeamRow> teams = List.of();

    private String username;
    private String displayName;
    private String email;
    private List<Role> roles = List.of();
    private String teamCode;
    private String language = "en";
    private String initialPassword;

    public void load() {
        accounts = administration.accounts();
        teams = administration.teams().stream().filter(t -> !t.retired()).toList();
    }

    public void create() {
        char[] password = initialPassword == null ? new char[0] : initialPassword.toCharArray();
        initialPassword = null;
        Set<Role> chosen = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        if (ViewActions.run(() -> administration.create(new AccountAdministration.NewAccount(username, displayName,
                email, chosen, teamCode, language, password)))) {
            Messages.info("account.created");
            username = null;
            displayName = null;
            email = null;
            roles = List.of();
            load();
        }
    }

    public Role[] getAllRoles() {
        return Role.values();
    }

    public List<AccountAdministration.AccountRow> getAccounts() {
        return accounts;
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

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public List<Role> getRoles() {
        return roles;
    }

    public void setRoles(List<Role> roles) {
        this.roles = roles;
    }

    public String getTeamCode() {
        return teamCode;
    }

    public void setTeamCode(String teamCode) {
        this.teamCode = teamCode;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getInitialPassword() {
        return initialPassword;
    }

    public void setInitialPassword(String initialPassword) {
        this.initialPassword = initialPassword;
    }
}
