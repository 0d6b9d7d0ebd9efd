package org.continuum.document.web;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.continuum.document.boundary.CaseDocumentService;
import org.continuum.platform.control.CaseAccessDenied;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Hands a case document to a staff member (under /app/, so only after login): always as an attachment, never shown
 * in the page, with its checked type, no sniffing and no caching. The name keeps its letters in any script
 * ({@code filename*}, RFC 6266) with a plain fallback. A document outside the caller's need to know, or unknown,
 * is "not found" either way (the refusal is audited by the boundary).
 */
@WebServlet("/app/document")
public class DocumentDownloadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    CaseDocumentService documents;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long id;
        try {
            id = Long.parseLong(request.getParameter("id"));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        CaseDocumentService.Download download;
        try {
            download = documents.download(id);
        } catch (CaseAccessDenied | EJBAccessException refused) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(download.contentType());
        response.setContentLength(download.content().length);
        response.setHeader("Content-Disposition", disposition(download.fileName()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        response.getOutputStream().write(download.content());
    }

    static String disposition(String name) {
        String plain = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + plain + "\"; filename*=UTF-8''" + encoded;
    }
}
