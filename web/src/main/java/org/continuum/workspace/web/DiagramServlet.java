package org.continuum.workspace.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.continuum.casefile.boundary.CaseFileService;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The BPMN model a case page draws, by process definition id (staff only, like every page under /app). It holds no
 * case data and never changes for a given id, so the browser keeps it for a day instead of receiving 40 KB of escaped
 * XML inside every case page (P2).
 */
@WebServlet("/app/diagram")
public class DiagramServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CaseFileService cases;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> model = cases.diagram(request.getParameter("definition"));
        if (model.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("Cache-Control", "private, max-age=86400, immutable");
        response.setHeader("Pragma", null);
        // Our own deployed model, as XML data (nosniff is set server-wide): never HTML, nothing from the request.
        response.setContentType("application/xml;charset=UTF-8");
        response.getOutputStream().write(model.get().getBytes(StandardCharsets.UTF_8));
    }
}
