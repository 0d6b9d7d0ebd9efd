package org.continuum.casefile.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.audit.entity.AuditAction;
import org.continuum.casefile.control.CaseEvents;
import org.continuum.casefile.control.CaseFiles;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.identity.entity.Role;
import org.continuum.notification.entity.NotificationKind;
import org.continuum.platform.control.Roles;

import java.time.Instant;

/**
 * What the case process tells the domain on its own (timers, messages). Only code running as {@link Roles#SYSTEM},
 * that is the process delegates, may call it. Each callback is idempotent because the engine may retry a job.
 * The grant, referral and escalation processes have their own callbacks of the same shape in their components.
 */
@Stateless
@RolesAllowed(Roles.SYSTEM)
public class CaseProcessCallbacks {

    @Inject
    CaseFiles caseFiles;

    @Inject
    CaseEvents events;

    /** The triage deadline passed: the case is flagged, which puts it on every coordinator's dashboard. */
    public void triageDeadlinePassed(long caseFileId) {
        caseFiles.find(caseFileId).filter(c -> c.flagTriageOverdue(Instant.now())).ifPresent(caseFile -> {
            events.recordBySystem(caseFile, CaseEventKind.TRIAGE_OVERDUE, "urgency=" + caseFile.getUrgency(),
                    AuditAction.CASE_TRIAGE_OVERDUE, null);
            events.notifyTeam(NotificationKind.DEADLINE_MISSED, caseFile, Role.COORDINATOR, null,
                    "triage=" + caseFileId);
        });
    }
}
