package org.continuum.protection.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.audit.entity.AuditOutcome;
import org.continuum.casefile.control.CaseEvents;
import org.continuum.casefile.control.CaseGuard;
import org.continuum.casefile.control.CaseWorkflow;
import org.continuum.casefile.control.TaskGuard;
import org.continuum.casefile.control.TaskKind;
import org.continuum.casefile.control.Timeline;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.casefile.entity.Outcome;
import org.continuum.casefile.entity.Phase;
import org.continuum.casefile.entity.RelocationScope;
import org.continuum.casefile.entity.RiskLevel;
import org.continuum.identity.control.Caller;
import org.continuum.identity.control.Staff;
import org.continuum.identity.entity.Role;
import org.continuum.identity.entity.UserAccount;
import org.continuum.notification.entity.NotificationKind;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.control.Roles;
import org.continuum.protection.control.LastResortRule;
import org.continuum.protection.control.Measures;
import org.continuum.protection.control.ReviewSchedule;
import org.continuum.protection.control.RiskAssessments;
import org.continuum.protection.entity.Escalation;
import org.continuum.protection.entity.EvidenceKind;
import org.continuum.protection.entity.MeasureStatus;
import org.continuum.protection.entity.ProtectionMeasure;
import org.continuum.protection.entity.RiskAssessment;
import org.continuum.protection.entity.RiskFactor;
import org.continuum.protection.entity.StepEvidence;
import org.continuum.reference.control.Partners;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The security mentor's tasks: risk assessment, the plan of local measures, reassessments (on schedule or after a
 * new threat) and the proposal to escalate to relocation, which must pass the last-resort rule here before the
 * process checks it again. Any staff member of the case may report a new threat.
 */
@Stateless
@RolesAllowed(Roles.SECURITY_MENTOR)
public class ProtectionService {

    @Inject
    Caller currentCaller;

    @Inject
    Staff staff;

    @Inject
    TaskGuard tasks;

    @Inject
    CaseGuard guard;

    @Inject
    CaseWorkflow workflow;

    @Inject
    Measures measures;

    @Inject
    RiskAssessments riskAssessments;

    @Inject
    Timeline timeline;

    @Inject
    Partners partners;

    @Inject
    AuditTrail audit;

    @Inject
    CaseEvents events;

    public void assessRisk(String taskId, Assessment assessment) {
        UserAccount caller = currentCaller.account();
        TaskGuard.OpenTask open = tasks.open(caller, taskId, TaskKind.ASSESS_RISK, AuditAction.RISK_ASSESSED);
        CaseFile caseFile = open.caseFile();
        Instant now = Instant.now();
        RiskLevel level = recordAssessment(caseFile, RiskAssessment.Occasion.INITIAL, caller, assessment, now);
        InvalidInput.whenRefused(() -> caseFile.recordRisk(level, ReviewSchedule.nextReassessment(level, now), now));
        workflow.complete(open.task().id(), caller.getUsername(), Map.of());
        events.record(caseFile, caller.getUsername(), CaseEventKind.RISK_ASSESSED, "level=" + level, assessment.note(),
                AuditAction.RISK_ASSESSED, "level=" + level);
    }

    /** The case file's protection plan, for any staff member who may open the case. */
    @RolesAllowed({Roles.SECURITY_MENTOR, Roles.CASEWORKER, Roles.COORDINATOR})
    public List<MeasureRow> plan(long caseFileId) {
        guard.open(currentCaller.account(), caseFileId, AuditAction.CASE_VIEWED);
        return measures.of(caseFileId).stream().map(MeasureRow::of).toList();
    }

    /**
     * Saves the plan (new measures and changes to existing ones) and completes the planning task: the process then
     * waits for the reassessment date set by the risk level, or for a new threat.
     */
    public void planMeasures(String taskId, List<MeasureChange> changes, String note) {
        UserAccount caller = currentCaller.account();
        TaskGuard.OpenTask open = tasks.open(caller, taskId, TaskKind.PLAN_MEASURES, AuditAction.PLAN_UPDATED);
        CaseFile caseFile = open.caseFile();
        int changed = applyPlan(caseFile, changes, caller);
        if (measures.of(caseFile.getId()).isEmpty()) {
            throw new InvalidInput("plan.empty");
        }
        Instant nextReview = caseFile.getNextReviewAt() == null || caseFile.getNextReviewAt().isBefore(Instant.now())
                ? ReviewSchedule.nextReassessment(caseFile.getRiskLevel(), Instant.now()) : caseFile.getNextReviewAt();
        workflow.complete(open.task().id(), caller.getUsername(),
                Map.of(CaseWorkflow.Var.NEXT_REASSESSMENT_AT, nextReview));
        events.record(caseFile, caller.getUsername(), CaseEventKind.PLAN_UPDATED, "changes=" + changed, note,
                AuditAction.PLAN_UPDATED, "changes=" + changed);
    }

    private int applyPlan(CaseFile caseFile, List<MeasureChange> changes, UserAccount caller) {
        if (changes == null) {
            return 0;
        }
        Instant now = Instant.now();
        Map<Long, ProtectionMeasure> existing = new HashMap<>();
        measures.of(caseFile.getId()).forEach(m -> existing.put(m.getId(), m));
        // A reassessment records its own factors before the plan changes: the form offered the previous ones.
        java.util.Set<String> labels = new java.util.HashSet<>(riskAssessments.labelsOfLatest(caseFile.getId(), 2));
        int count = 0;
        for (MeasureChange change : changes) {
            ProtectionMeasure measure;
            if (change.measureId() == null) {
                var type = measures.type(change.typeCode()).orElseThrow(() -> new InvalidInput("plan.measure.unknown"));
                measure = InvalidInput.whenRefused(() -> new ProtectionMeasure(caseFile.getId(), type,
                        caller.getUsername(), now));
                measures.add(measure);
            } else {
                measure = existing.get(change.measureId());
                if (measure == null) {
                    throw new InvalidInput("plan.measure.unknown");
                }
            }
            String owner = change.owner() == null || change.owner().isBlank() ? caller.getUsername() : change.owner();
            if (staff.byUsername(owner).filter(u -> caseFile.belongsTo(u.getTeam())).isEmpty()) {
                throw new InvalidInput("plan.owner.invalid");
            }
            ProtectionMeasure target = measure;
            InvalidInput.whenRefused(() -> target.update(
                    change.status() == null ? MeasureStatus.PLANNED : change.status(), owner, change.note(), now));
            if (change.addresses() != null) {
                String label = change.addresses().isBlank() ? null : change.addresses();
                if (label != null && !labels.contains(label)) {
                    throw new InvalidInput("plan.addresses.unknown");
                }
                target.addresses(label);
            }
            count++;
        }
        return count;
    }

    /**
     * Updates one measure of the plan as it happens (status, who provides it, dates, outcome, effectiveness), for
     * the staff who may open the case. The timeline says which measure changed and its rating, never the outcome.
     */
    @RolesAllowed({Roles.SECURITY_MENTOR, Roles.CASEWORKER, Roles.COORDINATOR})
    public void updateMeasure(long caseFileId, long measureId, MeasureUpdate update) {
        UserAccount caller = currentCaller.account();
        CaseFile caseFile = guard.open(caller, caseFileId, AuditAction.MEASURE_UPDATED);
        if (update == null || update.status() == null) {
            throw new InvalidInput("plan.status.required");
        }
        if (caseFile.getPhase() == Phase.CLOSED) {
            throw new InvalidInput("referral.caseClosed");
        }
        ProtectionMeasure measure = measures.of(caseFileId).stream().filter(m -> m.getId() == measureId)
                .findFirst().orElseThrow(() -> new InvalidInput("plan.measure.unknown"));
        Instant now = Instant.now();
        var provider = partners.chosen(update.providerId());
        InvalidInput.whenRefused(() -> {
            measure.update(update.status(), measure.getOwner(), measure.getNote(), now);
            measure.describe(provider, update.startsOn(), update.endsOn(), update.outcome(), update.effectiveness(),
                    now);
        });
        String summary = "measure=" + measure.getType().getCode() + " status=" + update.status()
                + (update.effectiveness() == null ? "" : " effectiveness=" + update.effectiveness());
        events.record(caseFile, caller.getUsername(), CaseEventKind.MEASURE_UPDATED, summary, null,
                AuditAction.MEASURE_UPDATED, summary);
    }

    /**
     * A reassessment: the new risk level, measure updates, and the decision to go on with local measures, to close
     * the case, or to propose relocation. A proposal that fails the last-resort rule is refused with every problem
     * listed, and the attempt is audited.
     */
    public void reassess(String taskId, Reassessment reassessment) {
        UserAccount caller = currentCaller.account();
        TaskGuard.OpenTask open = tasks.open(caller, taskId, TaskKind.REASSESS, AuditAction.RISK_ASSESSED);
        CaseFile caseFile = open.caseFile();
        if (reassessment == null) {
            throw new InvalidInput("risk.level.required");
        }
        Instant now = Instant.now();
        RiskLevel level = riskAssessments.record(caseFile.getId(), RiskAssessment.Occasion.REASSESSMENT,
                caller.getUsername(), reassessment.level(), RiskAnalysis.factorsOf(reassessment.analysis()),
                RiskAnalysis.reasonOf(reassessment.analysis()), now);
        if (reassessment.decision() == null) {
            throw new InvalidInput("reassessment.decision.required");
        }
        int changed = applyPlan(caseFile, reassessment.changes(), caller);
        Instant nextReview = ReviewSchedule.nextReassessment(level, now);
        InvalidInput.whenRefused(() -> caseFile.recordRisk(level, nextReview, now));
        Map<String, Object> variables = new HashMap<>();
        variables.put(CaseWorkflow.Var.REASSESSMENT, reassessment.decision().name());
        variables.put(CaseWorkflow.Var.NEXT_REASSESSMENT_AT, nextReview);
        String summary = "level=" + level + " decision=" + reassessment.decision() + " changes=" + changed;
        timeline.record(caseFile, caller.getUsername(), CaseEventKind.REASSESSED, summary, reassessment.note());
        switch (reassessment.decision()) {
            case CONTINUE -> { }
            case CLOSE -> {
                // Proposed only: a coordinator other than the mentor signs it off (or sends it back to the plan).
                Outcome outcome = reassessment.outcome();
                InvalidInput.whenRefused(() -> caseFile.proposeClosureInPlace(outcome, caller.getUsername(), now));
                events.record(caseFile, caller.getUsername(), CaseEventKind.CLOSURE_PROPOSED, "outcome=" + outcome,
                        null, AuditAction.CLOSURE_PROPOSED, "outcome=" + outcome + " in-place");
                events.notifyTeam(NotificationKind.APPROVAL_NEEDED, caseFile, Role.COORDINATOR, caller.getUsername(),
                        "closure=" + caseFile.getId() + ":" + now.toEpochMilli());
            }
            case ESCALATE -> propose(caseFile, caller, reassessment.proposal(), now);
        }
        workflow.complete(open.task().id(), caller.getUsername(), variables);
        audit.record(caller.getUsername(), AuditAction.RISK_ASSESSED, caseFile.getId(), summary);
    }

    private void propose(CaseFile caseFile, UserAccount caller, EscalationProposal proposal, Instant now) {
        if (proposal == null) {
            throw refuse(caseFile, caller, List.of("escalation.scope.required"));
        }
        List<StepEvidence> evidence = proposal.evidence() == null ? List.of() : proposal.evidence().stream()
                .map(e -> new StepEvidence(e.step(), e.kind(), e.reason())).toList();
        List<String> problems = new ArrayList<>(LastResortRule.problems(proposal.scope(), evidence,
                measures.of(caseFile.getId())));
        if (proposal.justification() == null || proposal.justification().isBlank()) {
            problems.add("escalation.justification.required");
        }
        if (!problems.isEmpty()) {
            throw refuse(caseFile, caller, problems);
        }
        Escalation escalation = InvalidInput.whenRefused(() -> new Escalation(caseFile.getId(), proposal.scope(),
                caller.getUsername(), proposal.justification(), evidence, now));
        measures.addEscalation(escalation);
        InvalidInput.whenRefused(() -> caseFile.escalationProposed(now));
        events.record(caseFile, caller.getUsername(), CaseEventKind.ESCALATION_PROPOSED,
                "scope=" + proposal.scope() + " steps=" + evidence.size(), null, AuditAction.ESCALATION_PROPOSED,
                "scope=" + proposal.scope());
        events.notifyTeam(NotificationKind.APPROVAL_NEEDED, caseFile, Role.COORDINATOR, caller.getUsername(),
                "escalation=" + escalation.getId());
    }

    private InvalidInput refuse(CaseFile caseFile, UserAccount caller, List<String> problems) {
        String detail = "last-resort " + String.join(",", problems).replace("escalation.", "");
        audit.recordIndependently(caller.getUsername(), AuditAction.ESCALATION_PROPOSED, caseFile.getId(),
                AuditOutcome.DENIED, detail.length() > 190 ? detail.substring(0, 190) : detail);
        return new InvalidInput(problems);
    }

    /** A reassessment in exile after a new threat: the level in force; support goes on with the check-ins. */
    public void exileReassess(String taskId, Assessment assessment) {
        UserAccount caller = currentCaller.account();
        TaskGuard.OpenTask open = tasks.open(caller, taskId, TaskKind.EXILE_REASSESS, AuditAction.RISK_ASSESSED);
        CaseFile caseFile = open.caseFile();
        Instant now = Instant.now();
        RiskLevel level = recordAssessment(caseFile, RiskAssessment.Occasion.IN_EXILE, caller, assessment, now);
        Instant keep = caseFile.getNextReviewAt() == null ? ReviewSchedule.nextReassessment(level, now)
                : caseFile.getNextReviewAt();
        InvalidInput.whenRefused(() -> caseFile.recordRisk(level, keep, now));
        workflow.complete(open.task().id(), caller.getUsername(), Map.of());
        events.record(caseFile, caller.getUsername(), CaseEventKind.REASSESSED, "level=" + level + " exile=true",
                assessment.note(), AuditAction.RISK_ASSESSED, "level=" + level);
    }

    /**
     * A new threat, reported by anyone working on the case. While the case waits (monitoring or exile support)
     * the process reacts at once with a reassessment task; otherwise the report is on the timeline for the task
     * under way. Returns whether an immediate reassessment was opened.
     */
    @RolesAllowed({Roles.SECURITY_MENTOR, Roles.CASEWORKER, Roles.COORDINATOR})
    public boolean reportNewThreat(long caseFileId, String note) {
        UserAccount caller = currentCaller.account();
        CaseFile caseFile = guard.open(caller, caseFileId, AuditAction.NEW_THREAT_REPORTED);
        if (note == null || note.isBlank()) {
            throw new InvalidInput("threat.note.required");
        }
        if (caseFile.getPhase() == Phase.CLOSED) {
            throw new InvalidInput("threat.caseClosed");
        }
        boolean reassessing = caseFile.getProcessInstanceId() != null
                && workflow.newThreatReported(caseFile.getProcessInstanceId());
        events.record(caseFile, caller.getUsername(), CaseEventKind.NEW_THREAT_REPORTED,
                "immediateReassessment=" + reassessing, note, AuditAction.NEW_THREAT_REPORTED,
                "immediateReassessment=" + reassessing);
        return reassessing;
    }

    private RiskLevel recordAssessment(CaseFile caseFile, RiskAssessment.Occasion occasion, UserAccount caller,
                                       Assessment assessment, Instant now) {
        if (assessment == null) {
            throw new InvalidInput("risk.level.required");
        }
        return riskAssessments.record(caseFile.getId(), occasion, caller.getUsername(), assessment.level(),
                RiskAnalysis.factorsOf(assessment.analysis()), RiskAnalysis.reasonOf(assessment.analysis()), now);
    }

    /**
     * The case's assessments over time, newest last, each with what changed since the one before, and the measures
     * with their dates (the trend chart marks them). For anyone who may open the case.
     */
    @RolesAllowed({Roles.SECURITY_MENTOR, Roles.CASEWORKER, Roles.COORDINATOR})
    public List<AssessmentView> riskHistory(long caseFileId) {
        guard.open(currentCaller.account(), caseFileId, AuditAction.CASE_VIEWED);
        return AssessmentView.historyOf(riskAssessments.history(caseFileId));
    }

    /** How measures name the factors of the latest assessment (what a measure may address). */
    @RolesAllowed({Roles.SECURITY_MENTOR, Roles.CASEWORKER, Roles.COORDINATOR})
    public List<String> factorLabels(long caseFileId) {
        guard.open(currentCaller.account(), caseFileId, AuditAction.CASE_VIEWED);
        return riskAssessments.labelsOfLatest(caseFileId, 1);
    }

    /** The factors of the latest assessment, to start a reassessment from. */
    @RolesAllowed({Roles.SECURITY_MENTOR, Roles.CASEWORKER, Roles.COORDINATOR})
    public List<RiskFactor.Factor> latestFactors(long caseFileId) {
        guard.open(currentCaller.account(), caseFileId, AuditAction.CASE_VIEWED);
        return riskAssessments.latestFactors(caseFileId);
    }
}
