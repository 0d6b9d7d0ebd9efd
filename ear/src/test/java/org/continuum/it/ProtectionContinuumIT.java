package org.continuum.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.continuum.casefile.boundary.CaseDetails;
import org.continuum.casefile.boundary.CaseFileService;
import org.continuum.casefile.boundary.TaskInboxService;
import org.continuum.casefile.control.CaseWorkflow;
import org.continuum.casefile.control.WorkTask;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.Channel;
import org.continuum.casefile.entity.ConsentPurpose;
import org.continuum.casefile.entity.Outcome;
import org.continuum.casefile.entity.Phase;
import org.continuum.casefile.entity.RelocationScope;
import org.continuum.casefile.entity.RiskLevel;
import org.continuum.casefile.entity.SharedField;
import org.continuum.casefile.entity.Urgency;
import org.continuum.casefile.entity.VerificationMethod;
import org.continuum.identity.boundary.ReauthenticationService;
import org.continuum.intake.boundary.IntakeService;
import org.continuum.intake.boundary.TriageService;
import org.continuum.platform.control.CaseAccessDenied;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.control.Roles;
import org.continuum.protection.boundary.Assessment;
import org.continuum.protection.boundary.AssessmentView;
import org.continuum.protection.boundary.EscalationProposal;
import org.continuum.protection.boundary.EscalationService;
import org.continuum.protection.boundary.EvidenceGiven;
import org.continuum.protection.boundary.MeasureChange;
import org.continuum.protection.boundary.ProtectionService;
import org.continuum.protection.boundary.Reassessment;
import org.continuum.protection.boundary.ReassessmentDecision;
import org.continuum.protection.boundary.RelocationService;
import org.continuum.protection.boundary.RiskAnalysis;
import org.continuum.protection.boundary.SafetyPlanService;
import org.continuum.protection.entity.EvidenceKind;
import org.continuum.protection.entity.FactorKind;
import org.continuum.protection.entity.MeasureStatus;
import org.continuum.protection.entity.RiskFactor;
import org.continuum.protection.entity.SafetyPlan;
import org.continuum.protection.entity.ThreatCategory;
import org.continuum.reference.boundary.PartnerDirectory;
import org.continuum.reference.boundary.ReferenceData;
import org.continuum.reference.entity.Partner;
import org.continuum.referral.boundary.ReferralService;
import org.continuum.security.control.SealedValues;
import org.continuum.workflow.engine.EngineHolder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Case files driven through the boundaries inside WildFly, on the real engine and database: local measures to
 * closure, the last-resort gate, the four-eyes approval, relocation, exile check-ins on real timers, sign-off.
 */
@ExtendWith(ArquillianExtension.class)
class ProtectionContinuumIT {

    static final String AMIRA = "amira.caseworker";
    static final String SOFIA = "sofia.mentor";
    static final String CLAIRE = "claire.coordinator";
    static final String KARIM = "karim.lead";
    static final String REASON = "Tried for weeks with the mentor; the threats continued at home";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(ProtectionContinuumIT.class, IntakeIT.class, Sql.class, DemoCodes.class,
                DatabaseDump.class);
    }

    @Inject
    IntakeService intake;

    @Inject
    TriageService triage;

    @Inject
    ProtectionService protection;

    @Inject
    SafetyPlanService safetyPlans;

    @Inject
    EscalationService escalations;

    @Inject
    RelocationService relocations;

    @Inject
    TaskInboxService inbox;

    @Inject
    ReauthenticationService reauth;

    @Inject
    CaseFileService cases;

    @Inject
    ReferenceData reference;

    @Inject
    ReferralService referrals;

    @Inject
    PartnerDirectory directory;

    @Resource(lookup = "java:jboss/datasources/ContinuumDS")
    DataSource dataSource;

    @Inject
    CaseWorkflow workflow;

    @Inject
    EngineHolder engines;

    @Inject
    SealedValues sealedValues;

    // --- steps ---------------------------------------------------------------------------------------------------

    @Inject
    Journey journey;

    private WorkTask task(String user, String role, long caseFileId, String key) {
        return journey.task(user, caseFileId, key);
    }

    /** Intake, triage (mentor assigned), verification with consents, assessment and a first plan. */
    private long caseUnderLocalProtection(String pseudonym, String mentor) throws Exception {
        return caseUnderLocalProtection(pseudonym, mentor,
                new Assessment(RiskLevel.HIGH, "Followed by police after a protest"));
    }

    private long caseUnderLocalProtection(String pseudonym, String mentor, Assessment assessment)
            throws Exception {
        return journey.underLocalProtection(pseudonym, mentor, assessment);
    }

    private String reassessTask(String mentor, long id) throws Exception {
        assertThat(As.user(mentor, Roles.SECURITY_MENTOR, () -> protection.reportNewThreat(id,
                "Raid on the office last night"))).as("an immediate reassessment").isTrue();
        return task(mentor, Roles.SECURITY_MENTOR, id, "Task_Reassess").id();
    }

    private static EscalationProposal internationalWithEvidence() {
        return Journey.internationalWithEvidence();
    }

    private CaseDetails view(long id) throws Exception {
        return As.user(AMIRA, Roles.CASEWORKER, () -> cases.view(id));
    }

    // --- scenarios -----------------------------------------------------------------------------------------------

    @Test
    void theMentorWritesTheSafetyPlanTheTeamReadsItOthersCannot() throws Exception {
        long id = caseUnderLocalProtection("Maple", SOFIA);
        SafetyPlan.Content content = new SafetyPlan
                .Content("Lawyer: call the association's canary-line", "'Grandmother is ill' = do not come home",
                "Back streets to the market", "If arrested: say nothing, ask for the lawyer", "Old Android phone",
                "Mail and two messengers", "Unknown login alert last week", true, false, true, true, false, true);
        As.run(SOFIA, Roles.SECURITY_MENTOR, () -> safetyPlans.save(id, content));
        var seen = As.user(AMIRA, Roles.CASEWORKER, () -> safetyPlans.plan(id));
        assertThat(seen.content()).isEqualTo(content);
        assertThat(seen.content().protectionsInPlace()).isEqualTo(4);
        assertThat(seen.updatedBy()).isEqualTo(SOFIA);
        assertThatThrownBy(() -> As.run(AMIRA, Roles.CASEWORKER, () -> safetyPlans.save(id, content)))
                .isInstanceOf(jakarta.ejb.EJBAccessException.class);
        assertThatThrownBy(() -> As.user("ivan.caseworker", Roles.CASEWORKER, () -> safetyPlans.plan(id)))
                .isInstanceOf(CaseAccessDenied.class);
        Sql sql = new Sql(dataSource);
        assertThat(sql.count("select count(*) from safety_plan where contacts_enc like '%canary%'"
                + " or code_words_enc like '%Grandmother%'")).as("sealed").isZero();
        assertThat(sql.count("select count(*) from case_event where casefile_id = ? and kind = ?"
                + " and summary_enc like '%digital%'", id, "SAFETY_PLAN_UPDATED")).isZero();
        assertThat(sql.opened(sealedValues, "case_event", "id", "summary_enc", "casefile_id = ? and kind = ?", id,
                "SAFETY_PLAN_UPDATED")).as("the timeline summary is sealed too").singleElement()
                .isEqualTo("digital-protections=4/6");
        assertThat(sql.count("select count(*) from audit_event where casefile_id = ? and action = 'SAFETY_PLAN_VIEWED'"
                + " and outcome = 'DENIED'", id)).isOne();

        // Karim is a mentor and a coordinator of the same team: as coordinator he reads the plan, but a mentor-only
        // record is written by the case's assigned mentor only.
        assertThat(As.user(KARIM, Roles.COORDINATOR, () -> safetyPlans.plan(id)).content()).isEqualTo(content);
        assertThatThrownBy(() -> As.run(KARIM, Roles.SECURITY_MENTOR, () -> safetyPlans.save(id, content)))
                .isInstanceOf(CaseAccessDenied.class);
        assertThat(sql.count("select count(*) from audit_event where casefile_id = ? and action = 'SAFETY_PLAN_UPDATED'"
                + " and outcome = 'DENIED' and actor = ? and detail = 'not-assigned-mentor'", id, KARIM)).isOne();
    }

    @Test
    void structuredAssessmentsGiveTheLevelKeepOverridesAndShowWhatChanged() throws Exception {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        List<RiskFactor.Factor> factors = List.of(
                RiskFactor.Factor.threat(ThreatCategory.PHYSICAL, "District police", "Beaten at the last march",
                        today.minusDays(10), 4, 4, false),
                RiskFactor.Factor.threat(ThreatCategory.LEGAL, "Prosecutor-canary", "Summons for 'propaganda'",
                        null, 2, 5, true),
                RiskFactor.Factor.threat(ThreatCategory.DIGITAL, "unknown", "Phishing against the association",
                        null, 3, 2, true),
                RiskFactor.Factor.of(FactorKind.VULNERABILITY, "Lives alone at a known address", 3, false),
                RiskFactor.Factor.of(FactorKind.CAPACITY, "Lawyer of the association on call", 4, true),
                RiskFactor.Factor.of(FactorKind.CAPACITY, "Uses encrypted messaging", 3, false));
        // 20 (4+1 recent x 4) + (10 + 6) / 4 = 24; x 1.3 / 1.7 = 18.35: critical.
        long id = caseUnderLocalProtection("Birch", SOFIA, new Assessment(null, "Three threats",
                new RiskAnalysis(factors, null)));
        assertThat(view(id).riskLevel()).isEqualTo(RiskLevel.CRITICAL);

        String reassess = reassessTask(SOFIA, id);
        List<RiskFactor.Factor> later = List.of(
                RiskFactor.Factor.threat(ThreatCategory.PHYSICAL, "District police", "No incident since the move",
                        today.minusDays(60), 2, 4, false),
                RiskFactor.Factor.threat(ThreatCategory.DIGITAL, "unknown", "Phishing against the association",
                        null, 3, 2, true),
                RiskFactor.Factor.of(FactorKind.VULNERABILITY, "Lives alone at a known address", 3, false),
                RiskFactor.Factor.of(FactorKind.CAPACITY, "Lawyer of the association on call", 4, true),
                RiskFactor.Factor.of(FactorKind.CAPACITY, "Uses encrypted messaging", 3, false),
                RiskFactor.Factor.of(FactorKind.CAPACITY, "Moved to a safe flat", 5, false));
        // 8 + 6/4 = 9.5; x 1.3 / 2.2 = 5.61: medium. The mentor says high: refused without a reason.
        assertThatThrownBy(() -> As.run(SOFIA, Roles.SECURITY_MENTOR, () -> protection.reassess(reassess,
                new Reassessment(RiskLevel.HIGH, "Still worried", ReassessmentDecision.CONTINUE,
                        null, List.of(), null, new RiskAnalysis(later, null)))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.messageKeys())
                        .containsExactly("risk.override.reasonRequired:MEDIUM:5.61"));
        As.run(SOFIA, Roles.SECURITY_MENTOR, () -> protection.reassess(reassess, new Reassessment(
                RiskLevel.HIGH, "Still worried", ReassessmentDecision.CONTINUE, null, List.of(), null,
                new RiskAnalysis(later, "The summons may be reissued any day"))));

        List<AssessmentView> history = As.user(AMIRA, Roles.CASEWORKER,
                () -> protection.riskHistory(id));
        assertThat(history).extracting(AssessmentView::chosen)
                .containsExactly(RiskLevel.CRITICAL, RiskLevel.HIGH);
        assertThat(history.get(1).computed()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(history.get(1).overrideReason()).isEqualTo("The summons may be reissued any day");
        assertThat(history.get(1).changes()).contains("risk.change.level:CRITICAL:HIGH",
                "risk.change.score:18.35:5.61", "risk.change.threatGone:LEGAL (prosecutor-canary)",
                "risk.change.capacity:2:3");
        assertThat(As.user(SOFIA, Roles.SECURITY_MENTOR, () -> protection.latestFactors(id))).hasSize(6);

        // Measures name the threat or vulnerability they address, from the latest assessment only.
        List<String> labels = As.user(SOFIA, Roles.SECURITY_MENTOR, () -> protection.factorLabels(id));
        assertThat(labels).containsExactly("THREAT · PHYSICAL · District police · No incident since the move",
                "THREAT · DIGITAL · unknown · Phishing against the association",
                "VULNERABILITY · Lives alone at a known address");
        String planTask = task(SOFIA, Roles.SECURITY_MENTOR, id, "Task_PlanMeasures").id();
        assertThatThrownBy(() -> As.run(SOFIA, Roles.SECURITY_MENTOR, () -> protection.planMeasures(planTask,
                List.of(new MeasureChange(null, "digital-security-check", MeasureStatus.IN_PROGRESS,
                        null, null, "THREAT · LEGAL · Prosecutor-canary")), "Device check")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.messageKey())
                        .isEqualTo("plan.addresses.unknown"));
        As.run(SOFIA, Roles.SECURITY_MENTOR, () -> protection.planMeasures(planTask, List.of(
                new MeasureChange(null, "digital-security-check", MeasureStatus.IN_PROGRESS,
                        null, null, labels.get(1))), "Device check"));
        assertThat(As.user(AMIRA, Roles.CASEWORKER, () -> protection.plan(id)))
                .filteredOn(m -> m.typeCode().equals("digital-security-check")).singleElement()
                .satisfies(m -> assertThat(m.addresses()).isEqualTo(labels.get(1)));
        Sql sql = new Sql(dataSource);
        assertThat(sql.count("select count(*) from risk_factor where actor_enc like '%canary%'"
                + " or description_enc like '%propaganda%'")).as("sealed").isZero();
        assertThat(sql.count("select count(*) from risk_assessment where casefile_id = ?", id)).isEqualTo(2);
    }

    @Test
    void localMeasuresOnlyCaseGoesToClosureOnceACoordinatorSignsItOff() throws Exception {
        long id = caseUnderLocalProtection("Alder", SOFIA);
        CaseDetails planned = view(id);
        assertThat(planned.phase()).isEqualTo(Phase.PROTECTION_PLAN);
        assertThat(planned.riskLevel()).isEqualTo(RiskLevel.HIGH);
        assertThat(planned.nextReviewAt()).isBetween(Instant.now().plus(Duration.ofDays(13)),
                Instant.now().plus(Duration.ofDays(15)));
        assertThat(planned.openTasks()).as("waiting for the reassessment date").isEmpty();
        assertThat(planned.activeSteps()).as("the diagram shows the wait").contains("Gateway_Monitoring");

        String reassess = reassessTask(SOFIA, id);
        As.run(SOFIA, Roles.SECURITY_MENTOR, () -> protection.reassess(reassess, new Reassessment(
                RiskLevel.LOW, "Threat receded", ReassessmentDecision.CLOSE, Outcome.SAFE_IN_PLACE, List.of(),
                null)));
        // R4: the mentor only proposes; the follow-up stops when a coordinator signs it off.
        assertThat(view(id).phase()).as("proposed, not closed").isEqualTo(Phase.PROTECTION_PLAN);
        WorkTask signOff = task(CLAIRE, Roles.COORDINATOR, id, "Task_SignOffLocalClosure");
        assertThatThrownBy(() -> As.run(CLAIRE, Roles.COORDINATOR, () -> relocations.signOffClosure(signOff.id(),
                false, null))).as("a refusal says why").isInstanceOf(InvalidInput.class);
        As.run(CLAIRE, Roles.COORDINATOR, () -> relocations.signOffClosure(signOff.id(), true, null));

        CaseDetails closed = view(id);
        assertThat(closed.phase()).isEqualTo(Phase.CLOSED);
        assertThat(closed.outcome()).isEqualTo(Outcome.SAFE_IN_PLACE);
        assertThat(closed.activeSteps()).isEmpty();
        assertThat(closed.passedSteps()).contains("EndEvent_ClosedInPlace");
        assertThat(closed.timeline()).extracting(CaseDetails.TimelineEntry::kind).containsSubsequence(
                CaseEventKind.INTAKE_REGISTERED, CaseEventKind.TRIAGED, CaseEventKind.VERIFIED,
                CaseEventKind.RISK_ASSESSED, CaseEventKind.PLAN_UPDATED, CaseEventKind.NEW_THREAT_REPORTED,
                CaseEventKind.REASSESSED, CaseEventKind.CLOSURE_PROPOSED, CaseEventKind.CLOSED);
        assertThat(closed.passedSteps()).contains("Task_SignOffLocalClosure");
        Sql sql = new Sql(dataSource);
        assertThat(sql.count("select count(*) from consent where casefile_id = ?", id)).isEqualTo(2);
        assertThat(sql.count("select count(*) from case_event where casefile_id = ? and note_enc like '%Raid%'", id))
                .as("timeline notes are sealed").isZero();
    }

    @Test
    void escalationWithoutEvidenceIsRefusedListedAndAudited() throws Exception {
        long id = caseUnderLocalProtection("Hazel", SOFIA);
        String reassess = reassessTask(SOFIA, id);
        var incomplete = new EscalationProposal(RelocationScope.INTERNATIONAL, "Urgent", List.of(
                new EvidenceGiven(1, EvidenceKind.TRIED, REASON),
                new EvidenceGiven(2, EvidenceKind.TRIED, REASON),
                new EvidenceGiven(3, EvidenceKind.NOT_FEASIBLE, "no")));
        assertThatThrownBy(() -> As.run(SOFIA, Roles.SECURITY_MENTOR, () -> protection.reassess(reassess,
                new Reassessment(RiskLevel.CRITICAL, null, ReassessmentDecision.ESCALATE,
                        null, List.of(), incomplete))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.messageKeys()).containsExactly(
                        "escalation.evidence.notTried:2", "escalation.evidence.reason:3",
                        "escalation.evidence.missing:4", "escalation.evidence.missing:5"));
        Sql sql = new Sql(dataSource);
        assertThat(sql.count("select count(*) from audit_event where casefile_id = ? and action = 'ESCALATION_PROPOSED'"
                + " and outcome = 'DENIED' and detail like 'last-resort%'", id)).isOne();
        CaseDetails after = view(id);
        assertThat(after.phase()).isEqualTo(Phase.PROTECTION_PLAN);
        assertThat(after.openTasks()).extracting(WorkTask::definitionKey).containsExactly("Task_Reassess");
        assertThat(sql.count("select count(*) from escalation where casefile_id = ?", id)).isZero();
    }

    @Test
    void escalationApprovedBySecondCoordinatorGoesThroughExileSupportToSignedOffClosure() throws Exception {
        long id = caseUnderLocalProtection("Rowan", SOFIA);
        String reassess = reassessTask(SOFIA, id);
        As.run(SOFIA, Roles.SECURITY_MENTOR, () -> protection.reassess(reassess, new Reassessment(
                RiskLevel.CRITICAL, "Warrant", ReassessmentDecision.ESCALATE, null, List.of(),
                internationalWithEvidence())));
        assertThat(view(id).phase()).isEqualTo(Phase.ESCALATION);

        WorkTask approval = task(CLAIRE, Roles.COORDINATOR, id, "Task_ApproveEscalation");
        var proposal = As.user(CLAIRE, Roles.COORDINATOR, () -> escalations.proposal(approval.id()));
        assertThat(proposal.proposedBy()).isEqualTo(SOFIA);
        assertThat(proposal.evidence()).hasSize(5);
        // A step-up belongs to the session it was typed in: this test's request has none yet.
        assertThat(As.user(CLAIRE, Roles.COORDINATOR, () -> escalations.stepUpNeeded())).isTrue();
        assertThatThrownBy(() -> As.run(CLAIRE, Roles.COORDINATOR, () -> escalations.decide(approval.id(), true,
                "Agreed"))).as("approving a relocation is a step-up action").isInstanceOf(InvalidInput.class);
        String code = DemoCodes.nextCode(dataSource, CLAIRE);
        assertThat(As.user(CLAIRE, Roles.COORDINATOR, () -> reauth.reauthenticate(
                "Demo-Coordinator-1".toCharArray(), code))).isTrue();
        As.run(CLAIRE, Roles.COORDINATOR, () -> escalations.decide(approval.id(), true, "Agreed"));
        assertThat(view(id).phase()).isEqualTo(Phase.RELOCATION);

        As.run(AMIRA, Roles.CASEWORKER, () -> relocations.prepare(
                task(AMIRA, Roles.CASEWORKER, id, "Task_PrepareRelocation").id(), new RelocationService.RelocationPlan(
                        null, "DE", RelocationService.TravelDocuments.VISA_REQUESTED, 2,
                        "Leave by land at night; partner meets at the border")));
        As.run(AMIRA, Roles.CASEWORKER, () -> relocations.confirmArrival(
                task(AMIRA, Roles.CASEWORKER, id, "Task_ConfirmArrival").id(), true, Instant.now(), null));
        assertThat(view(id).phase()).isEqualTo(Phase.EXILE_SUPPORT);

        // The test server schedules check-ins seconds after arrival: the engine's job executor fires the timer.
        assertThat(Poll.until(Duration.ofSeconds(60), () -> {
            try {
                return !view(id).openTasks().isEmpty();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }))
                .as("the first check-in timer fired").isTrue();
        As.run(AMIRA, Roles.CASEWORKER, () -> relocations.checkIn(task(AMIRA, Roles.CASEWORKER, id, "Task_CheckIn").id(),
                new RelocationService.CheckIn(true, true, false, null, "Settling in", Outcome.RELOCATED_AND_SAFE)));
        WorkTask signOff = task(CLAIRE, Roles.COORDINATOR, id, "Task_SignOffClosure");
        As.run(CLAIRE, Roles.COORDINATOR, () -> relocations.signOffClosure(signOff.id(), true, null));

        CaseDetails closed = view(id);
        assertThat(closed.phase()).isEqualTo(Phase.CLOSED);
        assertThat(closed.outcome()).isEqualTo(Outcome.RELOCATED_AND_SAFE);
        assertThat(closed.checkInsDone()).isOne();
        assertThat(closed.passedSteps()).contains("Task_ApproveEscalation", "TimerCatch_CheckInDue",
                "EndEvent_ClosedAfterRelocation");
        assertThat(new Sql(dataSource).count("select count(*) from escalation where casefile_id = ? and status = "
                + "'APPROVED' and decided_by = ? and proposed_by = ?", id, CLAIRE, SOFIA)).isOne();
    }

    /**
     * S16 (part): after a canary referral and a canary relocation, a full dump of the database (H2 {@code SCRIPT} or {@code pg_dump})
     * holds the partner only in the partner directory, the destination nowhere in clear, and no audit detail
     * carries a reference or a row id. The team still reads both through the application.
     */
    @Test
    void aDatabaseDumpHoldsNoReferredPartnerNoDestinationAndNoIdInAuditDetails() throws Exception {
        String code = "canary-" + System.nanoTime() % 1_000_000_000L;
        String name = "Canary Haven " + code;
        As.user("admin", Roles.ADMIN, () -> directory.save(new PartnerDirectory.PartnerForm(code, name,
                Partner.Kind.LGBTQIA_ORGANISATION, List.of("travel-funding"), List.of("en", "ru"),
                List.of("email:canary@example.org"), null, null, List.of(), List.of(), false, 5, true, null)));
        long partner = As.user(AMIRA, Roles.CASEWORKER, () -> reference.partners()).stream()
                .filter(p -> p.code().equals(code)).findFirst().orElseThrow().id();
        long id = caseUnderLocalProtection("Juniper", SOFIA);
        As.run(AMIRA, Roles.CASEWORKER, () -> referrals.recordConsent(id, partner, EnumSet.of(SharedField.COUNTRY),
                true));
        long referral = As.user(AMIRA, Roles.CASEWORKER, () -> referrals.refer(id, new ReferralService.ReferralRequest(
                partner, "travel-funding", EnumSet.of(SharedField.COUNTRY), "email:canary@example.org", null,
                null))).referralId();
        As.run(AMIRA, Roles.CASEWORKER, () -> referrals.recordAnswer(referral, true, null));

        String reassess = reassessTask(SOFIA, id);
        As.run(SOFIA, Roles.SECURITY_MENTOR, () -> protection.reassess(reassess, new Reassessment(
                RiskLevel.CRITICAL, "Warrant", ReassessmentDecision.ESCALATE, null, List.of(),
                internationalWithEvidence())));
        WorkTask approval = task(CLAIRE, Roles.COORDINATOR, id, "Task_ApproveEscalation");
        String stepUp = DemoCodes.nextCode(dataSource, CLAIRE);
        assertThat(As.user(CLAIRE, Roles.COORDINATOR, () -> reauth.reauthenticate(
                "Demo-Coordinator-1".toCharArray(), stepUp))).isTrue();
        As.run(CLAIRE, Roles.COORDINATOR, () -> escalations.decide(approval.id(), true, "Agreed"));
        As.run(AMIRA, Roles.CASEWORKER, () -> relocations.prepare(
                task(AMIRA, Roles.CASEWORKER, id, "Task_PrepareRelocation").id(), new RelocationService.RelocationPlan(
                        partner, "TV", RelocationService.TravelDocuments.VISA_REQUESTED, 0, "Canary route")));
        As.run(AMIRA, Roles.CASEWORKER, () -> relocations.confirmArrival(
                task(AMIRA, Roles.CASEWORKER, id, "Task_ConfirmArrival").id(), true, Instant.now(), null));
        assertThat(view(id).destinationCountry()).as("the team still reads it").isEqualTo("TV");

        List<DatabaseDump.Row> dump = DatabaseDump.of(dataSource);
        assertThat(dump).as("a dump of the whole database").hasSizeGreaterThan(100);
        assertThat(dump).filteredOn(row -> row.text().contains(code) || row.text().contains(name))
                .as("the canary partner stands only in the directory and in the trail of its own creation")
                .isNotEmpty().allMatch(row -> "PARTNER".equals(row.table()) || "AUDIT_EVENT".equals(row.table()));
        assertThat(new Sql(dataSource).strings("select action from audit_event where detail like ?", "%" + code + "%"))
                .containsOnly("PARTNER_SAVED");
        assertThat(dump).as("no destination in clear").noneMatch(row -> row.text().contains("'TV'")
                || row.text().contains("destination=TV"));
        assertThat(new Sql(dataSource).strings("select upper(table_name) || '.' || upper(column_name)"
                + " from information_schema.columns where upper(table_name) in"
                + " ('REFERRAL', 'CONSENT', 'CASEFILE', 'CASE_EVENT')"))
                .as("no clear link to a partner, no clear summary").contains("REFERRAL.PARTNER_ENC")
                .doesNotContain("REFERRAL.PARTNER_ID", "CONSENT.PARTNER_ID", "CASEFILE.REFERRAL_PARTNER_ID",
                        "CASEFILE.RELOCATION_PARTNER_ID", "CASEFILE.HANDOVER_PARTNER_ID",
                        "CASEFILE.DESTINATION_COUNTRY", "CASE_EVENT.SUMMARY");
        assertThat(new Sql(dataSource).strings("select detail from audit_event where detail is not null"))
                .as("no reference and no row id in any audit detail").isNotEmpty()
                .noneMatch(d -> d.matches("(?s).*\\b[A-Z]{1,3}-\\d{4}-\\d{3,}.*")
                        || d.matches("(?s).*\\b(glass|change|requested|case|grant|referral|mail|escalation|measure|"
                        + "place|closure|task|id|notification)=\\d.*"));
        assertThat(new Sql(dataSource).opened(sealedValues, "case_event", "id", "summary_enc",
                "casefile_id = ? and kind = ?", id, "REFERRAL_SENT")).singleElement().asString()
                .as("the timeline keeps the partner, sealed").startsWith("partner=" + code);
    }

    /**
     * S16 (part): the keysets are encrypted at rest with the master key, the file beside them holds no key, and
     * neither the database (which keeps only the keys' check values), nor the server log holds a keyset or the
     * passphrase.
     */
    @Test
    void noKeyAndNoPassphraseInClearInTheKeyFolderTheDatabaseOrTheLog() throws Exception {
        Path data = Path.of(System.getProperty("continuum.data.dir"));
        String passphrase = Files.readString(data.resolve("demo-keys-passphrase")).strip();
        List<Path> files;
        try (var listed = Files.list(data.resolve("keys"))) {
            files = listed.toList();
        }
        assertThat(files).extracting(f -> f.getFileName().toString())
                .containsExactlyInAnyOrder("field-aead.json", "blind-index-prf.json", "master.properties");
        for (Path file : files) {
            String text = Files.readString(file);
            assertThat(text).as(file.toString()).doesNotContain("keyData", "\"value\"", passphrase);
            if (file.toString().endsWith(".json")) {
                assertThat(text).as("encrypted with the master key").contains("encryptedKeyset");
            }
        }
        assertThat(new Sql(dataSource).count("select count(*) from key_check")).as("check values kept").isEqualTo(2);
        assertThat(DatabaseDump.of(dataSource)).as("a dump of the whole database")
                .noneMatch(row -> row.text().contains("keyData") || row.text().contains("encryptedKeyset")
                        || row.text().contains(passphrase));
        Path log = Path.of(System.getProperty("jboss.server.log.dir"), "server.log");
        String logged = Files.readString(log);
        assertThat(logged).as("the server log").isNotEmpty().doesNotContain("keyData", "encryptedKeyset", passphrase);
    }

    @Test
    void proposerCannotApproveTheirOwnEscalation() throws Exception {
        long id = caseUnderLocalProtection("Linden", KARIM);
        String reassess = reassessTask(KARIM, id);
        As.run(KARIM, Roles.SECURITY_MENTOR, () -> protection.reassess(reassess, new Reassessment(
                RiskLevel.CRITICAL, null, ReassessmentDecision.ESCALATE, null, List.of(),
                internationalWithEvidence())));
        WorkTask approval = task(KARIM, Roles.COORDINATOR, id, "Task_ApproveEscalation");
        assertThat(As.user(KARIM, Roles.COORDINATOR, () -> escalations.proposal(approval.id())).ownProposal())
                .as("the form warns").isTrue();

        assertThatThrownBy(() -> As.run(KARIM, Roles.COORDINATOR, () -> escalations.decide(approval.id(), true, null)))
                .isInstanceOf(CaseAccessDenied.class);
        Sql sql = new Sql(dataSource);
        assertThat(sql.count("select count(*) from audit_event where casefile_id = ? and actor = ? and action = "
                + "'ESCALATION_DECIDED' and outcome = 'DENIED' and detail = 'four-eyes own-proposal'", id, KARIM)).isOne();
        assertThat(view(id).phase()).as("still waiting for another coordinator").isEqualTo(Phase.ESCALATION);

        As.run(CLAIRE, Roles.COORDINATOR, () -> escalations.decide(approval.id(), false,
                "Try the regional safe house first"));
        CaseDetails after = view(id);
        assertThat(after.phase()).isEqualTo(Phase.PROTECTION_PLAN);
        assertThat(after.openTasks()).extracting(WorkTask::definitionKey).containsExactly("Task_PlanMeasures");
    }

    @Test
    void claimReleaseAndReassignInTheInbox() throws Exception {
        long id = As.user(AMIRA, Roles.CASEWORKER, () -> intake.register(IntakeIT.request("Birch", "Claim Test",
                Urgency.STANDARD))).caseFileId();
        String taskId = task(AMIRA, Roles.CASEWORKER, id, "Task_Triage").id();
        As.run(AMIRA, Roles.CASEWORKER, () -> inbox.claim(taskId));
        assertThat(task(AMIRA, Roles.CASEWORKER, id, "Task_Triage").assignee()).isEqualTo(AMIRA);
        assertThatThrownBy(() -> As.run("omar.coordinator", Roles.COORDINATOR, () -> inbox.reassign(taskId, SOFIA)))
                .as("a mentor does not hold the caseworker role").isInstanceOf(InvalidInput.class);
        As.run(AMIRA, Roles.CASEWORKER, () -> inbox.release(taskId));
        assertThat(task(AMIRA, Roles.CASEWORKER, id, "Task_Triage").assignee()).isNull();
        As.run("omar.coordinator", Roles.COORDINATOR, () -> inbox.reassign(taskId, AMIRA));
        assertThat(task(AMIRA, Roles.CASEWORKER, id, "Task_Triage").assignee()).isEqualTo(AMIRA);
        assertThat(view(id).timeline()).extracting(CaseDetails.TimelineEntry::kind)
                .contains(CaseEventKind.TASK_REASSIGNED);
    }

    /**
     * The team inbox is a hand-written query (one per database, for their planners): it must list exactly what the
     * engine's own task query lists, in the same order, claimed or not, for each group of each team.
     */
    @Test
    void theTeamInboxListsWhatTheEnginesTaskQueryLists() throws Exception {
        As.user(AMIRA, Roles.CASEWORKER, () -> intake.register(IntakeIT.request("Aspen", "Inbox Check",
                Urgency.STANDARD)));
        As.user("ivan.caseworker", Roles.CASEWORKER, () -> intake.register(IntakeIT.request("Alder", "Проверка",
                Urgency.HIGH)));
        long rowan = caseUnderLocalProtection("Rowan", SOFIA);
        long claimed = As.user(AMIRA, Roles.CASEWORKER, () -> intake.register(IntakeIT.request("Hazel", "Claimed Inbox",
                Urgency.STANDARD))).caseFileId();
        // A claimed task stays in the team's inbox (with its assignee shown): the engine lists it only on request.
        As.run(AMIRA, Roles.CASEWORKER, () -> inbox.claim(task(AMIRA, Roles.CASEWORKER, claimed, "Task_Triage").id()));
        var engine = engines.engine();
        int compared = 0;
        for (String team : List.of("MENA", "EUR-EAST")) {
            for (String group : List.of(Roles.CASEWORKER, Roles.SECURITY_MENTOR, Roles.COORDINATOR)) {
                List<String> expected = engine.getTaskService().createTaskQuery()
                        .processDefinitionKeyIn("Process_CaseFile", "Process_EmergencyGrant")
                        .processVariableValueEquals("teamCode", team).taskCandidateGroup(group)
                        .includeAssignedTasks().active()
                        .orderByTaskCreateTime().asc().orderByTaskId().asc().listPage(0, 500).stream()
                        .map(org.operaton.bpm.engine.task.Task::getId).toList();
                assertThat(workflow.openTasks(group, team, 500)).extracting(WorkTask::id)
                        .as("inbox of %s in %s", group, team).containsExactlyElementsOf(expected);
                compared += expected.size();
            }
        }
        assertThat(compared).as("tasks compared").isGreaterThanOrEqualTo(3);
        reassessTask(SOFIA, rowan);
        List<String> mentorsOwn = engine.getTaskService().createTaskQuery()
                .processDefinitionKeyIn("Process_CaseFile", "Process_EmergencyGrant").taskAssignee(SOFIA).active()
                .orderByTaskCreateTime().asc().orderByTaskId().asc().listPage(0, 500).stream()
                .map(org.operaton.bpm.engine.task.Task::getId).toList();
        assertThat(mentorsOwn).as("the mentor of Rowan has a task").isNotEmpty();
        assertThat(workflow.tasksAssignedTo(SOFIA, 500)).extracting(WorkTask::id).as("the mentor's own tasks")
                .containsExactlyElementsOf(mentorsOwn);

        // Reviews due within a week: a critical risk is reassessed within 7 days, a high one in 14 (not listed).
        long critical = caseUnderLocalProtection("Juniper", SOFIA,
                new Assessment(RiskLevel.CRITICAL, "Home address published online"));
        var reviews = As.user(SOFIA, Roles.SECURITY_MENTOR, () -> cases.dashboard()).reviewsDue();
        assertThat(reviews).extracting(r -> r.caseFileId()).as("reviews due within a week").contains(critical)
                .doesNotContain(rowan);
        assertThat(reviews).filteredOn(r -> r.caseFileId() == critical).singleElement()
                .satisfies(r -> assertThat(r.risk()).isEqualTo(RiskLevel.CRITICAL));

        // The dashboard's overview: the oldest tasks of the same inbox, and counts over all of it.
        List<WorkTask> all = As.user(AMIRA, Roles.CASEWORKER, () -> inbox.myTasks());
        var overview = As.user(AMIRA, Roles.CASEWORKER, () -> inbox.overview(2));
        assertThat(overview.capped()).as("capped exactly when the list reached its 200").isEqualTo(all.size() >= 200);
        if (!overview.capped()) {
            // (Over the cap the inbox shows its 200 oldest, and this task is the newest.)
            assertThat(all).extracting(WorkTask::id)
                    .contains(task(AMIRA, Roles.CASEWORKER, claimed, "Task_Triage").id());
        }
        assertThat(overview.oldest()).extracting(WorkTask::id)
                .containsExactlyElementsOf(all.stream().limit(2).map(WorkTask::id).toList());
        assertThat(overview.oldest()).allSatisfy(t -> assertThat(t.caseReference()).isNotBlank());
        assertThat(overview.mineOrUnclaimed()).as("mine or unclaimed").isEqualTo(all.stream()
                .filter(t -> t.assignee() == null || t.assignee().equals(AMIRA)).count());
        java.time.Instant now = java.time.Instant.now();
        assertThat(overview.overdue()).as("overdue").isEqualTo(all.stream().filter(t -> t.isOverdue(now)).count());
    }

    @Test
    void eachDatabaseAlsoGetsItsOwnMigrations() throws Exception {
        String product;
        try (var connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        }
        Sql sql = new Sql(dataSource);
        long vendorMigration = sql.count("select count(*) from \"flyway_schema_history\" where \"version\" = '22.1'"
                + " and \"success\" = true");
        long h2Migration = sql.count("select count(*) from \"flyway_schema_history\" where \"version\" = '23.1'"
                + " and \"success\" = true");
        if (product.equals("PostgreSQL")) {
            assertThat(vendorMigration).as("db/migration/postgresql ran").isEqualTo(1);
            assertThat(sql.count("select count(*) from pg_statistic_ext where stxname = 'st_engine_variable_name_value'"))
                    .isEqualTo(1);
            assertThat(h2Migration).as("no H2 statement on PostgreSQL").isZero();
            assertThat(sql.count("select count(*) from pg_indexes where indexname = 'ix_casefile_mentor_country'"))
                    .as("V27: a mentor's list has a sort index").isEqualTo(1);
            assertThat(sql.count("select count(*) from pg_indexes where indexname = 'ix_casefile_mentor_country_desc'"))
                    .as("no H2 twin on PostgreSQL, which reads indexes backwards").isZero();
        } else {
            assertThat(product).isEqualTo("H2");
            assertThat(vendorMigration).as("no PostgreSQL statement on H2").isZero();
            assertThat(h2Migration).as("db/migration/h2 ran").isEqualTo(1);
            assertThat(sql.count("select count(*) from \"flyway_schema_history\" where \"version\" = '24.1'"
                    + " and \"success\" = true")).as("db/migration/h2 V24.1 ran").isEqualTo(1);
            assertThat(sql.count("select count(*) from information_schema.indexes"
                    + " where index_name = 'IX_ENGINE_TASK_AGE'")).isEqualTo(1);
            assertThat(sql.count("select count(*) from \"flyway_schema_history\" where \"version\" = '27.1'"
                    + " and \"success\" = true")).as("db/migration/h2 V27.1 ran").isEqualTo(1);
            assertThat(sql.count("select count(*) from information_schema.index_columns"
                    + " where index_name = 'IX_CASEFILE_MENTOR_COUNTRY_DESC' and column_name = 'PHASE'"))
                    .as("the sort index holds the phase filter").isEqualTo(1);
        }
    }
}
