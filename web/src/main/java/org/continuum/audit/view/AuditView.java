package org.continuum.audit.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.audit.boundary.AuditQuery;
import org.continuum.audit.entity.AuditEvent;

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

    public List<AuditEvent> getEvents() {
        if (events == null) {
            events = audit.latest(PAGE);
        }
        return events;
    }
}
