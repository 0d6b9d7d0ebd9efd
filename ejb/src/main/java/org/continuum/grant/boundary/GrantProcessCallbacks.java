package org.continuum.grant.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.audit.entity.AuditOutcome;
import org.continuum.casefile.control.CaseEvents;
import org.continuum.casefile.control.CaseFiles;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.grant.control.Grants;
import org.continuum.grant.entity.EmergencyGrant;
import org.continuum.identity.entity.Role;
import org.continuum.notification.entity.NotificationKind;
import org.continuum.platform.control.Roles;

/**
 * What the grant process asks or tells the domain on its own (task listener, timer), running as
 * {@link Roles#SYSTEM}. It reads only what the boundary stored, so a decision task completed past the boundary
 * finds no recorded decision here and fails.
 */
@Stateless
@RolesAllowed(Roles.SYSTEM)
public class GrantProcessCallbacks {

    @Inject
    Grants grants;

    @Inject
    CaseFiles caseFiles;

    @Inject
    CaseEvents events;

    @Inject
    AuditTrail audit;

    /**
     * True when {@code username} recorded a decision on the grant and did not recommend it. This is the process's
     * second look at four eyes; the authority is {@link EmergencyGrant#decide} (see the grant package's notes).
     */
    public boolean decisionRecorded(long grantId, String username) {
        return grants.find(grantId).map(g -> g.hasDecisionBy(username)).orElse(false);
    }

    /** Records a decision the process refused (the listener then fails the completion). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void decisionRefused(long grantId, String actor, String reason) {
        Long caseFileId = grants.find(grantId).map(EmergencyGrant::getCaseFileId).orElse(null);
        audit.recordIndependently(actor, AuditAction.GRANT_DECIDED, caseFileId, AuditOutcome.DENIED,
                "process " + reason + " grant=" + grantId);
    }

    /** The report due date passed without a report: flagged for the coordinators. Idempotent (jobs may retry). */
    public void reportOverdue(long grantId) {
        grants.find(grantId).filter(EmergencyGrant::awaitsReport).filter(g -> !g.isReportOverdue()).ifPresent(g -> {
            g.markReportOverdue();
            CaseFile caseFile = caseFiles.get(g.getCaseFileId());
            events.recordBySystem(caseFile, CaseEventKind.GRANT_REPORT_OVERDUE,
                    "grant=" + g.getReference() + " due=" + g.getReportDueOn(), AuditAction.GRANT_REPORT_OVERDUE,
                    "due=" + g.getReportDueOn());
            events.notifyTeam(NotificationKind.REPORT_OVERDUE, caseFile, Role.COORDINATOR, null,
                    "grant=" + g.getId());
        });
    }
}
