package org.continuum.intake.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.net.URI;

/**
 * The quick exit of the public pages: leaves for a harmless site (a weather forecast unless the organisation names
 * another with {@code -Dcontinuum.request.exitUrl=https://…}), tells the browser to drop what it cached from us and
 * sends no referrer. The page's script replaces the history entry on the way (with scripts off, the link still
 * leaves at once). The harmless site is named here and nowhere in the pages, so no page carries a third-party
 * address.
 */
@WebServlet("/request/exit")
public class QuickExitServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String DEFAULT_EXIT = "https://www.bbc.com/weather";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", exitUrl());
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Clear-Site-Data", "\"cache\"");
    }

    static String exitUrl() {
        String configured = System.getProperty("continuum.request.exitUrl");
        if (configured != null) {
            try {
                URI uri = URI.create(configured);
                if ("https".equals(uri.getScheme()) && uri.getHost() != null) {
                    return uri.toString();
                }
            } catch (IllegalArgumentException ignored) {
                // a malformed setting falls back to the default: the exit must always lead somewhere harmless
            }
        }
        return DEFAULT_EXIT;
    }
}
