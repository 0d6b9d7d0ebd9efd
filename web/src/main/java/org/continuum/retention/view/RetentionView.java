package org.continuum.retention.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.identity.view.SessionView;
import org.continuum.platform.view.ViewActions;
import org.continuum.retention.boundary.RetentionService;

import java.io.Serializable;
import java.util.List;

/**
 * The retention page ({@code app/retention.xhtml}): for coordinators, what goes within 30 days, the erasure
 * requests waiting and the rules; for coordinators and auditors, the erasure register.
 */
@Named
@ViewScoped
public class RetentionView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    RetentionService retention;

    @Inject
    SessionView session;

    private RetentionService.Overview overview;
    private List<RetentionService.Erased> report = List.of();

    public void load() {
        if (session.isCoordinator()) {
            ViewActions.run(() -> overview = retention.overview());
        }
        ViewActions.run(() -> report = retention.report());
    }

    public RetentionService.Overview getOverview() {
        return overview;
    }

    public List<RetentionService.Erased> getReport() {
        return report;
    }
}
