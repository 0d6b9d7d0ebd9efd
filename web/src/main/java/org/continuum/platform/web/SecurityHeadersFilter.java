package org.continuum.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Page-level headers: no caching of pages (a shared computer must not keep a case file in its browser cache), and
 * HSTS on every response of the application (downloads included) that came over TLS, directly or through the TLS
 * proxy ({@code -Dcontinuum.behindTlsProxy=true}). Secure cookies under TLS come from WEB-INF/undertow-handlers.conf. The server-wide headers (CSP, frame-ancestors, nosniff, Referrer-Policy...) are set by Undertow
 * filters configured at provisioning (ear/src/main/wildfly/configure-server.cli), so they also cover redirects,
 * error pages and responses that never reach this filter.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!request.getRequestURI().contains("/jakarta.faces.resource/")) {
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Pragma", "no-cache");
        }
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        chain.doFilter(request, response);
    }
}
