package org.continuum.workspace.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;

/** The current user's name and roles as the container knows them, for views that adapt their buttons. */
@RequestScoped
public class SessionViewAccess {

    public String username() {
        var principal = FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal();
        return principal == null ? "" : principal.getName();
    }

    public boolean hasRole(String role) {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(role);
    }
}
