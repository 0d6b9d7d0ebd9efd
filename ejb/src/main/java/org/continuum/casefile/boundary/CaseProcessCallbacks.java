package org.continuum.casefile.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.casefile.control.Timeline;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.identity.entity.Roles;

import java.time.Instant;

/**
 * What the case process tells the domain on its own (timers, messages). Only code running as {@link Roles#SYSTEM},
 * that is the process delegates, may call it. Each callback is idempotent because the engine may retry a job.
 */
@Stateless
@RolesAllowed(Roles.SYSTEM)
public class CaseProcessCallbacks {

    static final String SYSTEM_ACTOR = "system";

    @PersistenceContext
    EntityManager em;

    @Inject
    Timeline timeline;

    @Inject
    AuditTrail audit;

    @Inject
    org.continuum.notification.control.Notifier notifier;

    /** The triage deadline passed: the case is flagged, which puts it on every coordinator's dashboard. */
    public void triageDeadlinePassed(long caseFileId) {
        CaseFile caseFile = em.find(CaseFile.class, caseFileId);
        if (caseFile != null && caseFile.flagTriageOverdue(Instant.now())) {
            timeline.record(caseFile, SYSTEM_ACTOR, CaseEventKind.TRIAGE_OVERDUE, "urgency=" + caseFile.getUrgency(),
                    null);
            audit.record(SYSTEM_ACTOR, AuditAction.CASE_TRIAGE_OVERDUE, caseFileId, null);
            notifier.notify(org.continuum.notification.entity.NotificationKind.DEADLINE_MISSED, caseFile, notifier.teamMembers(caseFile, org.continuum.identity.entity.Role.COORDINATOR),
                    "triage=" + caseFileId);
        }
    }
}
