package org.continuum.grant.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.audit.entity.AuditOutcome;
import org.continuum.casefile.control.Timeline;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.grant.control.Grants;
import org.continuum.grant.entity.EmergencyGrant;
import org.continuum.identity.entity.Roles;

/**
 * What the grant process asks or tells the domain on its own (task listener, timer), running as
 * {@link Roles#SYSTEM}. It reads only what the boundary stored, so a decision task completed past the boundary
 * finds no recorded decision here and fails.
 */
@Stateless
@RolesAllowed(Roles.SYSTEM)
public class GrantGate {

    static final String SYSTEM_ACTOR = "system";

    @PersistenceContext
    EntityManager em;

    @Inject
    Grants grants;

    @Inject
    Timeline timeline;

    @Inject
    AuditTrail audit;

    @Inject
    org.continuum.notification.control.Notifier notifier;

    /** True when {@code username} recorded a decision on the grant and did not recommend it. */
    public boolean decisionRecorded(long grantId, String username) {
        return grants.find(grantId)
                .filter(g -> !g.getRecommendedBy().equals(username))
                .map(g -> g.getDecisions().stream().anyMatch(d -> d.getDecidedBy().equals(username)))
                .orElse(false);
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
            CaseFile caseFile = em.find(CaseFile.class, g.getCaseFileId());
            timeline.record(caseFile, SYSTEM_ACTOR, CaseEventKind.GRANT_REPORT_OVERDUE,
                    "grant=" + g.getReference() + " due=" + g.getReportDueOn(), null);
            audit.record(SYSTEM_ACTOR, AuditAction.GRANT_REPORT_OVERDUE, g.getCaseFileId(), g.getReference());
            notifier.notify(org.continuum.notification.entity.NotificationKind.REPORT_OVERDUE, caseFile, notifier.teamMembers(caseFile, org.continuum.identity.entity.Role.COORDINATOR),
                    "grant=" + g.getId());
        });
    }
}
