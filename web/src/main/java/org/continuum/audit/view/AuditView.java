package org.continuum.audit.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.audit.boundary.AuditQuery;
import org.continuum.audit.control.AuditChainVerifier;
import org.continuum.audit.entity.AuditEvent;
import org.continuum.platform.view.ViewActions;

import java.io.Serializable;
import java.util.List;

/** The latest audit events, for auditors and administrators. */
@Named
@ViewScoped
public class AuditView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE = 200;

    @Inject
    AuditQuery audit;

    private List<AuditEvent> events;
    private String exportedHead;
    private AuditChainVerifier.Result chain;

    /** Walks the chain (the result is shown on the page). */
    public void verifyChain() {
        ViewActions.run(() -> chain = audit.verifyChain(exportedHead));
        events = null;
    }

    public AuditChainVerifier.Result getChain() {
        return chain;
    }

    public String getExportedHead() {
        return exportedHead;
    }

    public void setExportedHead(String exportedHead) {
        this.exportedHead = exportedHead;
    }

    public List<AuditEvent> getEvents() {
        if (events == null) {
            events = audit.latest(PAGE);
        }
        return events;
    }
}
