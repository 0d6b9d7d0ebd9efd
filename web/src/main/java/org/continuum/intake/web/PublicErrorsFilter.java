package org.continuum.intake.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whatever fails on a public page (a request too large to read, a broken post) is sent on to the public pages' own
 * neutral page (a redirect, so the failed body is never read again), never the staff error page, which names the application, opens a session and links to staff pages.
 * The log line names the exception's type only, never what the person sent.
 */
@WebFilter(urlPatterns = "/request/*", asyncSupported = true)
public class PublicErrorsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PublicErrorsFilter.class.getName());
    /** Only the language is carried to the problem page (read from the address: the failed body is not read again). */
    private static final java.util.regex.Pattern LANG = java.util.regex.Pattern.compile("(?:^|&)lang=([a-z]{2})(?:&|$)");

    /** The problem page in one of the public languages: a constant address, never built from what was sent. */
    static String problemPage(String language) {
        return switch (language) {
            case "fr" -> "problem.xhtml?lang=fr";
            case "ar" -> "problem.xhtml?lang=ar";
            case "ru" -> "problem.xhtml?lang=ru";
            case "es" -> "problem.xhtml?lang=es";
            case "fa" -> "problem.xhtml?lang=fa";
            case "tr" -> "problem.xhtml?lang=tr";
            case "pt" -> "problem.xhtml?lang=pt";
            case "sw" -> "problem.xhtml?lang=sw";
            default -> "problem.xhtml?lang=en";
        };
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failed) {
            LOG.log(Level.WARNING, () -> "A public page failed: " + failed.getClass().getName());
            if (response.isCommitted() || request.getRequestURI().endsWith("/problem.xhtml")) {
                throw failed;
            }
            response.reset();
            String query = request.getQueryString() == null ? "" : request.getQueryString();
            java.util.regex.Matcher lang = LANG.matcher(query);
            response.sendRedirect(problemPage(lang.find() ? lang.group(1) : ""));
        }
    }

}
