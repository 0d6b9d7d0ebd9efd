package org.continuum.protection.view;

import jakarta.faces.view.ViewScoped;
import org.continuum.protection.boundary.Reassessment;
import org.continuum.protection.boundary.EvidenceGiven;
import org.continuum.protection.boundary.EscalationProposal;
import org.continuum.protection.boundary.ReassessmentDecision;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.casefile.control.TaskKind;
import org.continuum.casefile.view.TaskForm;
import org.continuum.casefile.entity.Outcome;
import org.continuum.casefile.entity.RelocationScope;
import org.continuum.protection.boundary.ProtectionService;
import org.continuum.protection.entity.EvidenceKind;
import org.continuum.reference.boundary.ReferenceData;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import java.io.Serializable;

/** The reassessment ({@code app/tasks/reassess.xhtml}): risk, plan, and go on, close or propose relocation with the evidence of every lower step. */
@Named
@ViewScoped
public class ReassessTaskView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TaskForm form;

    @Inject
    ProtectionService protection;

    @Inject
    ReferenceData reference;

    private final RiskForm riskForm = new RiskForm();
    private final PlanForm planForm = new PlanForm();
    private ReassessmentDecision decision;
    private Outcome outcome;
    private RelocationScope scope;
    private String justification;
    private final List<EvidenceRow> evidence = new ArrayList<>();

    public void load() {
        if (form.load(TaskKind.REASSESS)) {
            planForm.load(protection, reference, form.caseFileId());
            riskForm.startFromLatest(protection, form.caseFileId());
            for (int step = 1; step <= 5; step++) {
                evidence.add(new EvidenceRow(step));
            }
        }
    }

    public void complete() {
        form.complete(() -> protection.reassess(form.id(), new Reassessment(riskForm.getRiskLevel(),
                form.getNote(), decision, outcome, planForm.changes(), decision == ReassessmentDecision.ESCALATE
                ? new EscalationProposal(scope, justification, evidenceGiven()) : null,
                riskForm.analysis())));
    }

    /** The evidence rows of the steps below the proposed scope (the last-resort rule asks for those only). */
    private List<EvidenceGiven> evidenceGiven() {
        int upTo = scope == null ? 0 : scope.continuumStep() - 1;
        return evidence.stream().filter(e -> e.getStep() <= upTo)
                .map(e -> new EvidenceGiven(e.getStep(), e.getKind(), e.getReason())).toList();
    }

    public List<Outcome> getLocalClosureOutcomes() {
        return Arrays.stream(Outcome.values()).filter(Outcome::isChosenAtClosure)
                .filter(o -> o != Outcome.RELOCATED_AND_SAFE).toList();
    }

    public RiskForm getRiskForm() { return riskForm; }
    public PlanForm getPlanForm() { return planForm; }
    public ReassessmentDecision[] getDecisions() { return ReassessmentDecision.values(); }
    public RelocationScope[] getScopes() { return RelocationScope.values(); }
    public EvidenceKind[] getEvidenceKinds() { return EvidenceKind.values(); }
    public List<EvidenceRow> getEvidence() { return evidence; }
    public ReassessmentDecision getDecision() { return decision; }
    public void setDecision(ReassessmentDecision decision) { this.decision = decision; }
    public Outcome getOutcome() { return outcome; }
    public void setOutcome(Outcome outcome) { this.outcome = outcome; }
    public RelocationScope getScope() { return scope; }
    public void setScope(RelocationScope scope) { this.scope = scope; }
    public String getJustification() { return justification; }
    public void setJustification(String justification) { this.justification = justification; }

    /** One row of the last-resort evidence form: a lower continuum step, tried or not feasible, and why. */
    public static class EvidenceRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int step;
        private EvidenceKind kind;
        private String reason;

        EvidenceRow(int step) {
            this.step = step;
        }

        public int getStep() { return step; }
        public EvidenceKind getKind() { return kind; }
        public void setKind(EvidenceKind kind) { this.kind = kind; }
        public String getReason() { return reason; }
        public void setReason(String reason) { this.reason = reason; }
    }

    public TaskForm getForm() {
        return form;
    }
}
