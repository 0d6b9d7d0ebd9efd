package org.continuum.administration.view;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.administration.boundary.FirstAdministrator;
import org.continuum.platform.view.ViewActions;

import java.io.Serializable;

/** The page of the one-time link that creates an installation's first administrator ({@code token} parameter). */
@Named
@ViewScoped
public class BootstrapView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    FirstAdministrator firstAdministrator;

    private String token;
    private String username;
    private String displayName;
    private String email;
    private String password;

    public void create() {
        char[] typed = password == null ? new char[0] : password.toCharArray();
        password = null;
        ViewActions.run(() -> {
            firstAdministrator.create(token, username, displayName, email, typed);
            ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
            ctx.redirect(ctx.getRequestContextPath() + "/login.xhtml?bootstrapped=true");
        });
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
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

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
