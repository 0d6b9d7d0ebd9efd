package org.continuum.identity.view;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.continuum.identity.boundary.AuthenticationService;
import org.continuum.platform.control.Bundles;
import org.continuum.platform.control.Roles;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/** The viewer's language (switchable on every page) and logout. */
@Named
@SessionScoped
public class SessionView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final List<Locale> SUPPORTED = Bundles.LANGUAGES.stream().map(Locale::forLanguageTag).toList();

    @Inject
    AuthenticationService authentication;

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            Locale requested = FacesContext.getCurrentInstance().getExternalContext().getRequestLocale();
            locale = SUPPORTED.stream().filter(l -> l.getLanguage().equals(requested.getLanguage())).findFirst()
                    .orElse(Locale.ENGLISH);
        }
        return locale;
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    /** The page's direction, for the html element's dir attribute. */
    public String getDirection() {
        return Bundles.isRightToLeft(getLanguage()) ? "rtl" : "ltr";
    }

    public void setLanguage(String language) {
        SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst().ifPresent(l -> locale = l);
    }

    public List<String> getLanguages() {
        return SUPPORTED.stream().map(Locale::getLanguage).toList();
    }

    public String languageName(String language) {
        Locale l = new Locale(language);
        return l.getDisplayLanguage(l);
    }

    public String getUsername() {
        var principal = FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal();
        return principal == null ? null : principal.getName();
    }

    public boolean isCaseStaff() {
        ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
        return ctx.isUserInRole(Roles.CASEWORKER) || ctx.isUserInRole(Roles.COORDINATOR)
                || ctx.isUserInRole(Roles.SECURITY_MENTOR);
    }

    public boolean isIntakeStaff() {
        ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
        return ctx.isUserInRole(Roles.CASEWORKER) || ctx.isUserInRole(Roles.COORDINATOR);
    }

    public boolean isCoordinator() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(Roles.COORDINATOR);
    }

    /** Who may break the glass on a case file outside their need to know: coordinators and security mentors. */
    public boolean isBreakGlassAllowed() {
        ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
        return ctx.isUserInRole(Roles.COORDINATOR) || ctx.isUserInRole(Roles.SECURITY_MENTOR);
    }

    public boolean isAuditor() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(Roles.AUDITOR);
    }

    /** Aggregated reports (with small cells suppressed): auditors and coordinators. */
    public boolean isReportReader() {
        return isAuditor() || isCoordinator();
    }

    public boolean isAdmin() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(Roles.ADMIN);
    }

    /** Who reads the partner directory: case staff and the administrators who keep it. */
    public boolean isDirectoryReader() {
        return isCaseStaff() || isAdmin();
    }

    public boolean isAuditReader() {
        ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
        return ctx.isUserInRole(Roles.AUDITOR) || ctx.isUserInRole(Roles.ADMIN);
    }

    /** Where a user lands after login or on the site root. */
    public String getHome() {
        return isCaseStaff() ? "/app/dashboard.xhtml" : "/app/audit.xhtml";
    }

    /** Navigation outcome for the site root. */
    public String goHome() {
        return getHome() + "?faces-redirect=true";
    }

    public void logout() throws IOException, ServletException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext ctx = faces.getExternalContext();
        String username = getUsername();
        HttpServletRequest request = (HttpServletRequest) ctx.getRequest();
        request.logout();
        ctx.invalidateSession();
        if (username != null) {
            authentication.loggedOut(username);
        }
        ctx.redirect(ctx.getRequestContextPath() + "/login.xhtml?loggedOut=true");
        faces.responseComplete();
    }
}
