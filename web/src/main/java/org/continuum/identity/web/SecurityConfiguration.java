package org.continuum.identity.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import org.continuum.platform.control.Roles;

/**
 * Form login through the JSF login page, which calls {@code SecurityContext.authenticate}. Unauthenticated requests
 * to protected pages are redirected (not forwarded) to the login page so the address bar never shows a protected URL
 * with a login form under it.
 */
@ApplicationScoped
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
@DeclareRoles({Roles.CASEWORKER, Roles.SECURITY_MENTOR, Roles.COORDINATOR, Roles.AUDITOR, Roles.ADMIN})
public class SecurityConfiguration {
}
