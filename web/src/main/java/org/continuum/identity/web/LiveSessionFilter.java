package org.continuum.identity.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.continuum.identity.boundary.AuthenticationService;
import org.continuum.platform.control.Settings;

import java.io.IOException;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;

/**
 * Every request of a logged-in person checks that their session may go on: the account is still enabled (an
 * administrator's "disable" cuts every open session at its next request, not at the next login), and the session is
 * younger than its absolute lifetime (8 hours by default, {@code -Dcontinuum.session.maxLifetime=PT8H}), whatever the
 * idle timeout would allow. A cut session is invalidated and sent to the login page with the reason.
 */
@WebFilter(urlPatterns = {"/app/*", "/index.xhtml"}, asyncSupported = true)
public class LiveSessionFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** The session attribute holding the moment the login finished. */
    public static final String LOGGED_IN_AT = "continuum.loggedInAt";
    public static final String MAX_LIFETIME_PROPERTY = "continuum.session.maxLifetime";
    private static final Duration DEFAULT_MAX_LIFETIME = Duration.ofHours(8);

    @Inject
    transient AuthenticationService authentication;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal principal = request.getUserPrincipal();
        if (principal != null) {
            HttpSession session = request.getSession(false);
            Object loggedInAt = session == null ? null : session.getAttribute(LOGGED_IN_AT);
            String reason = cutReason(authentication.sessionMayContinue(principal.getName()), loggedInAt,
                    Instant.now(), maxLifetime());
            if (reason != null) {
                authentication.sessionCut(principal.getName(), reason);
                request.logout();
                if (session != null) {
                    session.invalidate();
                }
                // The application's own context path and a fixed page: never an address taken from the request.
                response.sendRedirect(getServletContext().getContextPath()
                        + ("disabled".equals(reason) ? "/login.xhtml?ended=disabled" : "/login.xhtml?ended=expired"));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * Why a session must end now, or null: {@code disabled} when the account may no longer work, {@code expired}
     * when the login was longer ago than the absolute lifetime.
     */
    static String cutReason(boolean accountMayContinue, Object loggedInAt, Instant now, Duration maxLifetime) {
        if (!accountMayContinue) {
            return "disabled";
        }
        if (loggedInAt instanceof Instant at && at.plus(maxLifetime).isBefore(now)) {
            return "expired";
        }
        return null;
    }

    static Duration maxLifetime() {
        return Settings.duration(MAX_LIFETIME_PROPERTY, DEFAULT_MAX_LIFETIME);
    }
}
