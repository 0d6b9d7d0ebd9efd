package org.continuum.protection.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.continuum.casefile.control.CaseFiles;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.audit.entity.AuditOutcome;
import org.continuum.casefile.control.Timeline;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.platform.control.Roles;
import org.continuum.protection.control.LastResortRule;
import org.continuum.protection.control.Measures;
import org.continuum.protection.entity.Escalation;

import java.util.List;
import java.util.Optional;

/**
 * The process's own check of the last-resort rule and of four eyes, called by the engine's delegates (running as
 * {@link Roles#SYSTEM}). It reads only what the boundary stored, so a process driven past the boundary (a forged
 * variable, a future API) finds no valid proposal here and is sent back to the plan, audited.
 */
@Stateless
@RolesAllowed(Roles.SYSTEM)
public class EscalationProcessCallbacks {

    @Inject
    CaseFiles caseFiles;

    static final String SYSTEM_ACTOR = "system";

    @Inject
    Measures measures;

    @Inject
    Timeline timeline;

    @Inject
    AuditTrail audit;

    /** The proposer of a valid pending proposal, or empty when there is none (then the gate is closed). */
    public Optional<String> check(long caseFileId) {
        CaseFile caseFile = caseFiles.find(caseFileId).orElse(null);
        Optional<Escalation> pending = measures.pendingEscalation(caseFileId);
        List<String> problems = pending.map(e -> LastResortRule.problems(e.getScope(), e.getEvidence(),
                measures.of(caseFileId))).orElse(List.of("no-proposal"));
        if (caseFile != null && problems.isEmpty()) {
            return pending.map(Escalation::getProposedBy);
        }
        pending.ifPresent(Escalation::refuseByGate);
        if (caseFile != null) {
            timeline.record(caseFile, SYSTEM_ACTOR, CaseEventKind.ESCALATION_REFUSED_BY_GATE,
                    String.join(",", problems).replace("escalation.", ""), null);
        }
        audit.record(SYSTEM_ACTOR, AuditAction.ESCALATION_REFUSED_BY_GATE, caseFileId, "gate closed");
        return Optional.empty();
    }

    /** Records a refused decision on the approval task (the listener then fails the completion). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void decisionRefused(long caseFileId, String actor, String reason) {
        audit.recordIndependently(actor, AuditAction.ESCALATION_DECIDED, caseFileId, AuditOutcome.DENIED,
                "process " + reason);
    }
}
