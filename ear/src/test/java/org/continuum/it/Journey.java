package org.continuum.it;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.continuum.casefile.control.CaseWorkflow;
import org.continuum.casefile.control.WorkTask;
import org.continuum.casefile.entity.Channel;
import org.continuum.casefile.entity.ConsentPurpose;
import org.continuum.casefile.entity.RelocationScope;
import org.continuum.casefile.entity.RiskLevel;
import org.continuum.casefile.entity.Urgency;
import org.continuum.casefile.entity.VerificationMethod;
import org.continuum.identity.boundary.ReauthenticationService;
import org.continuum.intake.boundary.IntakeService;
import org.continuum.intake.boundary.TriageService;
import org.continuum.platform.control.Roles;
import org.continuum.protection.boundary.Assessment;
import org.continuum.protection.boundary.EscalationProposal;
import org.continuum.protection.boundary.EscalationService;
import org.continuum.protection.boundary.EvidenceGiven;
import org.continuum.protection.boundary.MeasureChange;
import org.continuum.protection.boundary.ProtectionService;
import org.continuum.protection.boundary.Reassessment;
import org.continuum.protection.boundary.ReassessmentDecision;
import org.continuum.protection.entity.EvidenceKind;
import org.continuum.protection.entity.MeasureStatus;
import org.continuum.reference.boundary.ReferenceData;

import java.util.List;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steps that bring a case file, through the real boundaries, to where a test starts: under local protection
 * (intake, triage, verification with consents, assessment, first plan), or relocating (reassessed, escalation
 * proposed with evidence for every step and approved by a second coordinator after a step-up).
 */
@Dependent
public class Journey {

    static final String AMIRA = "amira.caseworker";
    static final String SOFIA = "sofia.mentor";
    static final String CLAIRE = "claire.coordinator";
    static final String REASON = "Tried for weeks with the mentor; the threats continued at home";

    @Inject
    IntakeService intake;

    @Inject
    TriageService triage;

    @Inject
    ProtectionService protection;

    @Inject
    EscalationService escalations;

    @Inject
    ReauthenticationService reauth;

    @Inject
    ReferenceData reference;

    @Inject
    CaseWorkflow workflow;

    @Resource(lookup = "java:jboss/datasources/ContinuumDS")
    DataSource dataSource;

    /**
     * The case's open task of this kind, which this user may take (unclaimed, or theirs). Found on the case, not in
     * the inbox: an inbox shows its 200 oldest tasks, and the tests before this one may have filled the team's.
     */
    public WorkTask task(String user, long caseFileId, String key) {
        return workflow.openTasksOf(caseFileId).stream()
                .filter(t -> t.definitionKey().equals(key) && (t.assignee() == null || t.assignee().equals(user)))
                .findFirst().orElseThrow(() -> new AssertionError(key + " is not open for " + user));
    }

    /** Intake, triage (mentor assigned), verification with consents, assessment and a first plan. */
    public long underLocalProtection(String pseudonym, String mentor, Assessment assessment) throws Exception {
        long id = As.user(AMIRA, Roles.CASEWORKER, () -> intake.register(IntakeIT.request(pseudonym,
                "Тимур " + pseudonym + " " + System.nanoTime(), Urgency.HIGH))).caseFileId();
        As.run(AMIRA, Roles.CASEWORKER, () -> triage.complete(task(AMIRA, id, "Task_Triage").id(),
                new TriageService.TriageDecision(true, Urgency.HIGH, null, null, null, mentor, null)));
        long partner = As.user(AMIRA, Roles.CASEWORKER, () -> reference.partners()).stream()
                .filter(p -> p.code().equals("front-line-defenders")).findFirst().orElseThrow().id();
        As.run(AMIRA, Roles.CASEWORKER, () -> triage.verify(task(AMIRA, id, "Task_Verify").id(),
                new TriageService.VerificationDecision(true, VerificationMethod.PARTNER_ATTESTATION, "Attested",
                        List.of(new TriageService.ConsentChoice(ConsentPurpose.SHARE_WITH_PARTNER, partner, null, true),
                                new TriageService.ConsentChoice(ConsentPurpose.CONTACT_BY_CHANNEL, null,
                                        Channel.SECURE_MESSENGER, true)), null)));
        As.run(mentor, Roles.SECURITY_MENTOR, () -> protection.assessRisk(
                task(mentor, id, "Task_AssessRisk").id(), assessment));
        As.run(mentor, Roles.SECURITY_MENTOR, () -> protection.planMeasures(
                task(mentor, id, "Task_PlanMeasures").id(), List.of(
                        new MeasureChange(null, "security-mentoring", MeasureStatus.DONE, null, null),
                        new MeasureChange(null, "safety-plan", MeasureStatus.IN_PROGRESS, null, null)),
                "First plan"));
        return id;
    }

    /** An international relocation proposed with evidence for each of the five earlier steps. */
    public static EscalationProposal internationalWithEvidence() {
        return new EscalationProposal(RelocationScope.INTERNATIONAL,
                "Arrest warrant issued; safe places nearby are watched", List.of(
                new EvidenceGiven(1, EvidenceKind.TRIED, REASON),
                new EvidenceGiven(2, EvidenceKind.NOT_FEASIBLE, "Public advocacy would expose the person"),
                new EvidenceGiven(3, EvidenceKind.NOT_FEASIBLE, "No accompaniment organisation in the area"),
                new EvidenceGiven(4, EvidenceKind.NOT_FEASIBLE, "Known safe places are under surveillance"),
                new EvidenceGiven(5, EvidenceKind.NOT_FEASIBLE, "Internal relocation: national warrant")));
    }

    /** A case at the relocation phase: new threat, escalation proposed, approved by a coordinator after a step-up. */
    public long relocating(String pseudonym) throws Exception {
        long id = underLocalProtection(pseudonym, SOFIA, new Assessment(RiskLevel.HIGH,
                "Followed by police after a protest"));
        assertThat(As.user(SOFIA, Roles.SECURITY_MENTOR, () -> protection.reportNewThreat(id,
                "Raid on the office last night"))).isTrue();
        String reassess = task(SOFIA, id, "Task_Reassess").id();
        As.run(SOFIA, Roles.SECURITY_MENTOR, () -> protection.reassess(reassess, new Reassessment(
                RiskLevel.CRITICAL, "Warrant", ReassessmentDecision.ESCALATE, null, List.of(),
                internationalWithEvidence())));
        String approval = task(CLAIRE, id, "Task_ApproveEscalation").id();
        // A step-up lasts a few minutes in the session it was typed in: a test relocating several cases types one.
        if (As.user(CLAIRE, Roles.COORDINATOR, () -> escalations.stepUpNeeded())) {
            String code = DemoCodes.nextCode(dataSource, CLAIRE);
            As.run(CLAIRE, Roles.COORDINATOR, () -> assertThat(reauth.reauthenticate(
                    "Demo-Coordinator-1".toCharArray(), code)).isTrue());
        }
        As.run(CLAIRE, Roles.COORDINATOR, () -> escalations.decide(approval, true, "Agreed"));
        return id;
    }
}
