package org.continuum.casefile.view;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.casefile.boundary.TaskContext;
import org.continuum.casefile.boundary.TaskInboxService;
import org.continuum.platform.control.CaseAccessDenied;
import org.continuum.casefile.control.CaseTask;
import org.continuum.platform.control.InvalidInput;
import org.continuum.casefile.entity.Channel;
import org.continuum.casefile.entity.ConsentPurpose;
import org.continuum.casefile.entity.DuplicateDecision;
import org.continuum.casefile.entity.Outcome;
import org.continuum.casefile.entity.RelocationScope;
import org.continuum.casefile.entity.RiskLevel;
import org.continuum.casefile.entity.Urgency;
import org.continuum.casefile.entity.VerificationMethod;
import org.continuum.identity.entity.Role;
import org.continuum.intake.boundary.TriageService;
import org.continuum.platform.view.Messages;
import org.continuum.protection.boundary.EscalationService;
import org.continuum.protection.boundary.ProtectionService;
import org.continuum.protection.boundary.RelocationService;
import org.continuum.protection.entity.EvidenceKind;
import org.continuum.protection.entity.MeasureStatus;
import org.continuum.reference.boundary.ReferenceData;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The form of one task, whichever it is: the page shows the section for the task's kind and this bean sends the
 * answers to the boundary that owns that step. A refusal keeps everything typed and lists every problem.
 */
@Named
@ViewScoped
public class TaskView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TaskInboxService inbox;

    @Inject
    TriageService triage;

    @Inject
    ProtectionService protection;

    @Inject
    EscalationService escalations;

    @Inject
    RelocationService relocations;

    @Inject
    ReferenceData reference;

    private String taskId;
    private TaskContext task;
    private String note;

    private Boolean eligible;
    private Urgency urgency;
    private DuplicateDecision duplicate = DuplicateDecision.NEW;
    private Long otherCaseFileId;
    private String mentor;
    private Long referralPartnerId;
    private List<TriageService.DuplicateCandidate> duplicates = List.of();
    private List<TaskInboxService.StaffMember> mentors = List.of();

    private Boolean verified;
    private VerificationMethod method;
    private List<Long> sharingPartners = new ArrayList<>();
    private List<Channel> safeChannels = new ArrayList<>();

    private RiskLevel riskLevel;
    private RiskRows risk = new RiskRows();
    private List<ProtectionService.MeasureRow> plan = List.of();
    /** Status names by measure id: EL cannot convert map values to an enum, so they travel as names. */
    private Map<Long, String> statuses = new HashMap<>();
    private Map<Long, String> owners = new HashMap<>();
    /** What each measure addresses (a factor label, "" for nothing), by measure id. */
    private Map<Long, String> addresses = new HashMap<>();
    private String newAddresses;
    private List<String> factorLabels = List.of();
    private List<String> newMeasures = new ArrayList<>();
    private ProtectionService.Decision decision;
    private Outcome outcome;
    private RelocationScope scope;
    private String justification;
    private List<EvidenceRow> evidence = new ArrayList<>();

    private EscalationService.ProposalView proposal;
    private Boolean approve;

    private Long partnerId;
    private String destinationCountry;
    private RelocationService.TravelDocuments travelDocuments;
    private Integer dependants = 0;
    private String securityPlan;
    private Boolean arrived;
    private LocalDate arrivedOn;
    private boolean residualThreat;
    private boolean psychosocialFollowUp;
    private boolean digitalFollowUp;
    private Long handoverPartnerId;
    private Outcome closeWith;

    public void load() {
        try {
            task = inbox.open(taskId);
        } catch (CaseAccessDenied denied) {
            Messages.error("task.notAvailable");
            return;
        }
        if (task.kind().isGrantTask()) {
            // Grant steps are done on the grant's page, beside its history and the fund's rules.
            ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
            try {
                ctx.redirect(ctx.getRequestContextPath() + "/app/grant.xhtml?id=" + task.task().grantId());
            } catch (IOException e) {
                Messages.error("task.notAvailable");
            }
            return;
        }
        urgency = task.urgency();
        riskLevel = task.riskLevel();
        switch (task.kind()) {
            case TRIAGE -> {
                duplicates = triage.possibleDuplicates(taskId);
                mentors = inbox.teamMembers(Role.SECURITY_MENTOR);
            }
            case PLAN_MEASURES -> loadPlan();
            case REASSESS -> {
                loadPlan();
                risk.prefill(protection.latestFactors(task.caseFileId()));
                riskLevel = null;
            }
            case EXILE_REASSESS -> {
                risk.prefill(protection.latestFactors(task.caseFileId()));
                riskLevel = null;
            }
            case APPROVE_ESCALATION -> proposal = escalations.proposal(taskId);
            default -> { }
        }
        for (int step = 1; step <= 5; step++) {
            evidence.add(new EvidenceRow(step));
        }
    }

    private void loadPlan() {
        plan = protection.plan(task.caseFileId());
        factorLabels = protection.factorLabels(task.caseFileId());
        for (ProtectionService.MeasureRow row : plan) {
            statuses.put(row.id(), row.status().name());
            owners.put(row.id(), row.owner());
            addresses.put(row.id(), row.addresses() == null ? "" : row.addresses());
        }
    }

    public void complete() throws IOException {
        if (task == null) {
            Messages.error("task.notAvailable");
            return;
        }
        // The view parameter is not posted back: the task id comes from the task loaded on GET.
        String taskId = task.task().id();
        try {
            switch (task.kind()) {
                case TRIAGE -> {
                    if (eligible == null) {
                        Messages.error("triage.eligible.required");
                        return;
                    }
                    triage.complete(taskId, new TriageService.TriageDecision(eligible, urgency, note, duplicate,
                            otherCaseFileId, mentor, referralPartnerId));
                }
                case VERIFY -> {
                    if (verified == null) {
                        Messages.error("verification.verified.required");
                        return;
                    }
                    triage.verify(taskId, new TriageService.VerificationDecision(verified, method, note, consents(),
                            referralPartnerId));
                }
                case ASSESS_RISK -> protection.assessRisk(taskId,
                        new ProtectionService.Assessment(riskLevel, note, analysis()));
                case EXILE_REASSESS -> protection.exileReassess(taskId,
                        new ProtectionService.Assessment(riskLevel, note, analysis()));
                case PLAN_MEASURES -> protection.planMeasures(taskId, measureChanges(), note);
                case REASSESS -> protection.reassess(taskId, new ProtectionService.Reassessment(riskLevel, note,
                        decision, outcome, measureChanges(), decision == ProtectionService.Decision.ESCALATE
                        ? new ProtectionService.EscalationProposal(scope, justification, evidenceGiven()) : null,
                        analysis()));
                case APPROVE_ESCALATION -> {
                    if (approve == null) {
                        Messages.error("escalation.decision.required");
                        return;
                    }
                    escalations.decide(taskId, approve, note);
                }
                case PREPARE_RELOCATION -> relocations.prepare(taskId, new RelocationService.RelocationPlan(
                        partnerId, destinationCountry, travelDocuments, dependants == null ? 0 : dependants,
                        securityPlan));
                case CONFIRM_ARRIVAL -> {
                    if (arrived == null) {
                        Messages.error("relocation.arrived.required");
                        return;
                    }
                    relocations.confirmArrival(taskId, arrived,
                            arrivedOn == null ? null : arrivedOn.atStartOfDay(ZoneOffset.UTC).toInstant(), note);
                }
                case CHECK_IN -> relocations.checkIn(taskId, new RelocationService.CheckIn(residualThreat,
                        psychosocialFollowUp, digitalFollowUp, handoverPartnerId, note, closeWith));
                case SIGN_OFF_CLOSURE -> {
                    if (approve == null) {
                        Messages.error("closure.decision.required");
                        return;
                    }
                    relocations.signOffClosure(taskId, approve, note);
                }
            }
            Messages.info("task.completed", Messages.text("task." + task.kind().definitionKey()), task.reference());
            ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
            ctx.redirect(ctx.getRequestContextPath() + "/app/tasks.xhtml");
        } catch (InvalidInput refused) {
            Messages.errors(refused.messageKeys());
        } catch (CaseAccessDenied denied) {
            Messages.error("task.notAvailable");
        }
    }

    private List<TriageService.ConsentChoice> consents() {
        List<TriageService.ConsentChoice> choices = new ArrayList<>();
        sharingPartners.forEach(p -> choices.add(new TriageService.ConsentChoice(ConsentPurpose.SHARE_WITH_PARTNER,
                p, null, true)));
        safeChannels.forEach(c -> choices.add(new TriageService.ConsentChoice(ConsentPurpose.CONTACT_BY_CHANNEL,
                null, c, true)));
        return choices;
    }

    private List<ProtectionService.MeasureChange> measureChanges() {
        List<ProtectionService.MeasureChange> changes = new ArrayList<>();
        for (ProtectionService.MeasureRow row : plan) {
            String name = statuses.get(row.id());
            MeasureStatus status = java.util.Arrays.stream(MeasureStatus.values())
                    .filter(st -> st.name().equals(name)).findFirst().orElse(row.status());
            String owner = owners.get(row.id());
            String addressed = addresses.get(row.id());
            boolean readdressed = addressed != null && !addressed.equals(row.addresses() == null ? ""
                    : row.addresses());
            if (status != row.status() || (owner != null && !owner.equals(row.owner())) || readdressed) {
                changes.add(new ProtectionService.MeasureChange(row.id(), null, status, owner, row.note(),
                        readdressed ? addressed : null));
            }
        }
        newMeasures.forEach(code -> changes.add(new ProtectionService.MeasureChange(null, code,
                MeasureStatus.PLANNED, null, null, newAddresses)));
        return changes;
    }

    private ProtectionService.RiskAnalysis analysis() {
        return new ProtectionService.RiskAnalysis(risk.given(), risk.getOverrideReason());
    }

    public Map<Long, String> getAddresses() {
        return addresses;
    }

    public String getNewAddresses() {
        return newAddresses;
    }

    public void setNewAddresses(String newAddresses) {
        this.newAddresses = newAddresses;
    }

    /** The factors a measure may address, plus what it addresses now when that came from an older assessment. */
    public List<String> addressOptions(long measureId) {
        String current = addresses.get(measureId);
        if (current == null || current.isEmpty() || factorLabels.contains(current)) {
            return factorLabels;
        }
        List<String> options = new ArrayList<>(factorLabels);
        options.add(current);
        return options;
    }

    public List<String> getFactorLabels() {
        return factorLabels;
    }

    public RiskRows getRisk() {
        return risk;
    }

    public org.continuum.protection.entity.ThreatCategory[] getThreatCategories() {
        return org.continuum.protection.entity.ThreatCategory.values();
    }

    private List<ProtectionService.Evidence> evidenceGiven() {
        int upTo = scope == null ? 0 : scope.continuumStep() - 1;
        return evidence.stream().filter(e -> e.getStep() <= upTo)
                .map(e -> new ProtectionService.Evidence(e.getStep(), e.getKind(), e.getReason())).toList();
    }

    public boolean is(String kind) {
        return task != null && task.kind() == CaseTask.valueOf(kind);
    }

    public List<ReferenceData.PartnerOption> getPartners() {
        return reference.partners();
    }

    public List<ReferenceData.MeasureOption> getMeasureTypes() {
        return reference.measureTypes(true);
    }

    public RiskLevel[] getRiskLevels() {
        return RiskLevel.values();
    }

    public MeasureStatus[] getMeasureStatuses() {
        return MeasureStatus.values();
    }

    public VerificationMethod[] getMethods() {
        return VerificationMethod.values();
    }

    public DuplicateDecision[] getDuplicateDecisions() {
        return DuplicateDecision.values();
    }

    public ProtectionService.Decision[] getDecisions() {
        return ProtectionService.Decision.values();
    }

    public RelocationScope[] getScopes() {
        return RelocationScope.values();
    }

    public EvidenceKind[] getEvidenceKinds() {
        return EvidenceKind.values();
    }

    public RelocationService.TravelDocuments[] getTravelDocumentStates() {
        return RelocationService.TravelDocuments.values();
    }

    public List<Outcome> getClosureOutcomes() {
        return java.util.Arrays.stream(Outcome.values()).filter(Outcome::isChosenAtClosure).toList();
    }

    public List<Outcome> getLocalClosureOutcomes() {
        return getClosureOutcomes().stream().filter(o -> o != Outcome.RELOCATED_AND_SAFE).toList();
    }

    /** One row of the last-resort evidence form: a lower continuum step, tried or not feasible, and why. */
    public static class EvidenceRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int step;
        private EvidenceKind kind;
        private String reason;

        EvidenceRow(int step) {
            this.step = step;
        }

        public int getStep() {
            return step;
        }

        public EvidenceKind getKind() {
            return kind;
        }

        public void setKind(EvidenceKind kind) {
            this.kind = kind;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }
    }

    // --- accessors for the form --------------------------------------------------------------------------------

    public String getTaskId() { return taskId; }
    public void setTaskId(String taskId) { this.taskId = taskId; }
    public TaskContext getTask() { return task; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public Boolean getEligible() { return eligible; }
    public void setEligible(Boolean eligible) { this.eligible = eligible; }
    public Urgency getUrgency() { return urgency; }
    public void setUrgency(Urgency urgency) { this.urgency = urgency; }
    public DuplicateDecision getDuplicate() { return duplicate; }
    public void setDuplicate(DuplicateDecision duplicate) { this.duplicate = duplicate; }
    public Long getOtherCaseFileId() { return otherCaseFileId; }
    public void setOtherCaseFileId(Long otherCaseFileId) { this.otherCaseFileId = otherCaseFileId; }
    public String getMentor() { return mentor; }
    public void setMentor(String mentor) { this.mentor = mentor; }
    public Long getReferralPartnerId() { return referralPartnerId; }
    public void setReferralPartnerId(Long referralPartnerId) { this.referralPartnerId = referralPartnerId; }
    public List<TriageService.DuplicateCandidate> getDuplicates() { return duplicates; }
    public List<TaskInboxService.StaffMember> getMentors() { return mentors; }
    public Boolean getVerified() { return verified; }
    public void setVerified(Boolean verified) { this.verified = verified; }
    public VerificationMethod getMethod() { return method; }
    public void setMethod(VerificationMethod method) { this.method = method; }
    public List<Long> getSharingPartners() { return sharingPartners; }
    public void setSharingPartners(List<Long> sharingPartners) { this.sharingPartners = sharingPartners; }
    public List<Channel> getSafeChannels() { return safeChannels; }
    public void setSafeChannels(List<Channel> safeChannels) { this.safeChannels = safeChannels; }
    public RiskLevel getRiskLevel() { return riskLevel; }
    public void setRiskLevel(RiskLevel riskLevel) { this.riskLevel = riskLevel; }
    public List<ProtectionService.MeasureRow> getPlan() { return plan; }
    public Map<Long, String> getStatuses() { return statuses; }
    public Map<Long, String> getOwners() { return owners; }
    public List<String> getNewMeasures() { return newMeasures; }
    public void setNewMeasures(List<String> newMeasures) { this.newMeasures = newMeasures; }
    public ProtectionService.Decision getDecision() { return decision; }
    public void setDecision(ProtectionService.Decision decision) { this.decision = decision; }
    public Outcome getOutcome() { return outcome; }
    public void setOutcome(Outcome outcome) { this.outcome = outcome; }
    public RelocationScope getScope() { return scope; }
    public void setScope(RelocationScope scope) { this.scope = scope; }
    public String getJustification() { return justification; }
    public void setJustification(String justification) { this.justification = justification; }
    public List<EvidenceRow> getEvidence() { return evidence; }
    public EscalationService.ProposalView getProposal() { return proposal; }
    public Boolean getApprove() { return approve; }
    public void setApprove(Boolean approve) { this.approve = approve; }
    public Long getPartnerId() { return partnerId; }
    public void setPartnerId(Long partnerId) { this.partnerId = partnerId; }
    public String getDestinationCountry() { return destinationCountry; }
    public void setDestinationCountry(String destinationCountry) { this.destinationCountry = destinationCountry; }
    public RelocationService.TravelDocuments getTravelDocuments() { return travelDocuments; }
    public void setTravelDocuments(RelocationService.TravelDocuments t) { this.travelDocuments = t; }
    public Integer getDependants() { return dependants; }
    public void setDependants(Integer dependants) { this.dependants = dependants; }
    public String getSecurityPlan() { return securityPlan; }
    public void setSecurityPlan(String securityPlan) { this.securityPlan = securityPlan; }
    public Boolean getArrived() { return arrived; }
    public void setArrived(Boolean arrived) { this.arrived = arrived; }
    public LocalDate getArrivedOn() { return arrivedOn; }
    public void setArrivedOn(LocalDate arrivedOn) { this.arrivedOn = arrivedOn; }
    public boolean isResidualThreat() { return residualThreat; }
    public void setResidualThreat(boolean residualThreat) { this.residualThreat = residualThreat; }
    public boolean isPsychosocialFollowUp() { return psychosocialFollowUp; }
    public void setPsychosocialFollowUp(boolean v) { this.psychosocialFollowUp = v; }
    public boolean isDigitalFollowUp() { return digitalFollowUp; }
    public void setDigitalFollowUp(boolean digitalFollowUp) { this.digitalFollowUp = digitalFollowUp; }
    public Long getHandoverPartnerId() { return handoverPartnerId; }
    public void setHandoverPartnerId(Long handoverPartnerId) { this.handoverPartnerId = handoverPartnerId; }
    public Outcome getCloseWith() { return closeWith; }
    public void setCloseWith(Outcome closeWith) { this.closeWith = closeWith; }
}
