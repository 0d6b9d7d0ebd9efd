package org.continuum.administration.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.administration.boundary.AccountAdministration;
import org.continuum.platform.view.Messages;
import org.continuum.platform.view.ViewActions;

import java.io.Serializable;
import java.util.List;

/** Teams: create, rename, retire (refused while a team has open case files). */
@Named
@ViewScoped
public class TeamsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AccountAdministration administration;

    private List<AccountAdministration.TeamRow> teams = List.of();
    private String code;
    private String name;
    private String renamed;
    private String newName;

    public void load() {
        teams = administration.teams();
    }

    public void create() {
        if (ViewActions.run(() -> administration.createTeam(code, name))) {
            Messages.info("team.created");
            code = null;
            name = null;
            load();
        }
    }

    public void rename() {
        if (ViewActions.run(() -> administration.renameTeam(renamed, newName))) {
            Messages.info("team.renamed");
            newName = null;
            load();
        }
    }

    public void retire(String teamCode) {
        if (ViewActions.run(() -> administration.retireTeam(teamCode))) {
            Messages.info("team.retired.ok");
            load();
        }
    }

    public List<AccountAdministration.TeamRow> getTeams() {
        return teams;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRenamed() {
        return renamed;
    }

    public void setRenamed(String renamed) {
        this.renamed = renamed;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }
}
