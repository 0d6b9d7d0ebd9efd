package org.continuum.seed.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.casefile.control.CaseFileRegistrar;
import org.continuum.casefile.control.IntakeRequest;
import org.continuum.casefile.control.CaseWorkflow;
import org.continuum.casefile.control.CaseWorkflow.Var;
import org.continuum.casefile.control.CaseWorkflow.WaitState;
import org.continuum.casefile.control.Timeline;
import org.continuum.casefile.control.TriageDeadlines;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.casefile.entity.Channel;
import org.continuum.casefile.entity.Consent;
import org.continuum.casefile.entity.DuplicateDecision;
import org.continuum.casefile.entity.Outcome;
import org.continuum.casefile.entity.RelocationScope;
import org.continuum.casefile.entity.RequestType;
import org.continuum.casefile.entity.RiskLevel;
import org.continuum.casefile.entity.SharedField;
import org.continuum.casefile.entity.Urgency;
import org.continuum.casefile.entity.VerificationMethod;
import org.continuum.grant.control.GrantWorkflow;
import org.continuum.grant.control.Grants;
import org.continuum.grant.entity.DecisionKind;
import org.continuum.grant.entity.Disbursement;
import org.continuum.grant.entity.DisbursementMethod;
import org.continuum.grant.entity.EmergencyGrant;
import org.continuum.grant.entity.Fund;
import org.continuum.grant.entity.GrantCategory;
import org.continuum.identity.entity.Role;
import org.continuum.identity.entity.Team;
import org.continuum.identity.entity.UserAccount;
import org.continuum.protection.control.LastResortRule;
import org.continuum.protection.control.RiskFormula;
import org.continuum.protection.entity.Escalation;
import org.continuum.protection.entity.EvidenceKind;
import org.continuum.protection.entity.FactorKind;
import org.continuum.protection.entity.MeasureStatus;
import org.continuum.protection.entity.ProtectionMeasure;
import org.continuum.protection.entity.RiskAssessment;
import org.continuum.protection.entity.RiskFactor;
import org.continuum.protection.entity.StepEvidence;
import org.continuum.protection.entity.ThreatCategory;
import org.continuum.reference.control.MeasureTypes;
import org.continuum.reference.control.Partners;
import org.continuum.reference.entity.MeasureType;
import org.continuum.reference.entity.Partner;
import org.continuum.referral.control.ReferralPackage;
import org.continuum.referral.control.ReferralWorkflow;
import org.continuum.referral.entity.Referral;
import org.continuum.referral.entity.ReferralOutcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Writes generated case files through the domain: the entities' own methods (so every rule of a phase change holds),
 * the sealing converters, the timeline, the audit trail (with its chain) and the engine, whose process starts at the
 * wait state matching the case's phase. One call is one transaction; {@link DataGenerator} runs many in parallel.
 * Every generated past is dated in the past; the audit rows carry the time they were written, like every audit row.
 */
@ApplicationScoped
public class GeneratedCases {

    private static final Duration DAY = Duration.ofDays(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    CaseFileRegistrar registrar;


    @Inject
    CaseWorkflow workflow;

    @Inject
    Timeline timeline;

    @Inject
    AuditTrail audit;

    @Inject
    MeasureTypes measureTypes;

    @Inject
    Partners partners;

    @Inject
    ReferralWorkflow referralWorkflow;

    @Inject
    GrantWorkflow grantWorkflow;

    @Inject
    Grants grants;

    /** One case file to write: its place in the run (for its random draws) and the state it must end in. */
    public record Plan(long number, long seed, WaitState state, Duration historyWindow) {
    }

    /** What one batch wrote. */
    public record Written(int cases, int auditEvents, int timelineEvents, int referrals) {
    }

    /** The people, partners and measures a batch draws from, read once per transaction. */
    private record Staffing(List<Team> teams, Map<String, Map<Role, List<UserAccount>>> members,
                            List<Partner> partners, List<MeasureType> localMeasures) {

        List<UserAccount> of(Team team, Role role) {
            return members.getOrDefault(team.getCode(), Map.of()).getOrDefault(role, List.of());
        }
    }

    /** Counters of one case's records. */
    private static final class Tally {
        int audit;
        int timeline;
        int referrals;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Written write(List<Plan> plans) {
        Staffing staffing = staffing();
        Tally tally = new Tally();
        for (Plan plan : plans) {
            new OneCase(plan, staffing, tally).write();
        }
        return new Written(plans.size(), tally.audit, tally.timeline, tally.referrals);
    }

    /** Teams able to carry a case through the continuum: a caseworker, a mentor and two coordinators. */
    private Staffing staffing() {
        Map<String, Map<Role, List<UserAccount>>> members = new HashMap<>();
        for (UserAccount user : em.createQuery("select u from UserAccount u where u.enabled = true and u.team is not null"
                + " order by u.username", UserAccount.class).getResultList()) {
            for (Role role : user.getRoles()) {
                members.computeIfAbsent(user.getTeam().getCode(), t -> new EnumMap<>(Role.class))
                        .computeIfAbsent(role, r -> new ArrayList<>()).add(user);
            }
        }
        List<Team> teams = em.createQuery("select t from Team t order by t.code", Team.class).getResultList().stream()
                .filter(t -> {
                    Map<Role, List<UserAccount>> m = members.getOrDefault(t.getCode(), Map.of());
                    return !m.getOrDefault(Role.CASEWORKER, List.of()).isEmpty()
                            && !m.getOrDefault(Role.SECURITY_MENTOR, List.of()).isEmpty()
                            && m.getOrDefault(Role.COORDINATOR, List.of()).size() >= 2;
                }).toList();
        if (teams.isEmpty()) {
            throw new IllegalStateException("No team has a caseworker, a security mentor and two coordinators:"
                    + " generated case files could not pass their four-eyes steps");
        }
        List<Partner> active = partners.active().stream()
                .filter(p -> !p.getServices().isEmpty() && !p.getContactChannels().isEmpty()).toList();
        List<MeasureType> local = measureTypes.all().stream().filter(m -> m.getContinuumStep() < 5)
                .sorted(Comparator.comparingInt(MeasureType::getContinuumStep)).toList();
        return new Staffing(teams, members, active, local);
    }

    /** One case file, written step by step up to its planned state. */
    private final class OneCase {
        private final Plan plan;
        private final Staffing staffing;
        private final Tally tally;
        private final Random random;
        private final Instant now = Instant.now();
        private final Team team;
        private final UserAccount caseworker;
        private final UserAccount mentor;
        private final UserAccount coordinator;
        private final UserAccount secondCoordinator;
        private Instant at;
        private CaseFile caseFile;
        private final List<ProtectionMeasure> measures = new ArrayList<>();
        private final Map<String, Object> variables = new HashMap<>();

        OneCase(Plan plan, Staffing staffing, Tally tally) {
            this.plan = plan;
            this.staffing = staffing;
            this.tally = tally;
            this.random = new Random(mixed(plan.seed() * 1_000_003L + plan.number()));
            this.team = SyntheticPeople.pick(random, staffing.teams());
            this.caseworker = SyntheticPeople.pick(random, staffing.of(team, Role.CASEWORKER));
            this.mentor = SyntheticPeople.pick(random, staffing.of(team, Role.SECURITY_MENTOR));
            // Four eyes: whoever proposes (the mentor) never approves or signs off, even a team lead with both roles.
            List<UserAccount> coordinators = new ArrayList<>(staffing.of(team, Role.COORDINATOR));
            coordinators.removeIf(c -> c.getUsername().equals(mentor.getUsername()));
            if (coordinators.size() < 2) {
                throw new IllegalStateException("team " + team.getCode() + " needs two coordinators besides mentor "
                        + mentor.getUsername());
            }
            this.coordinator = coordinators.remove(random.nextInt(coordinators.size()));
            this.secondCoordinator = SyntheticPeople.pick(random, coordinators);
        }

        void write() {
            WaitState target = plan.state();
            at = start(target);
            SyntheticPeople.Person person = SyntheticPeople.draw(random, plan.number());
            register(person);
            if (target == WaitState.TRIAGE) {
                finish(target);
                return;
            }
            triage(target != WaitState.CLOSED_AT_TRIAGE);
            if (target == WaitState.CLOSED_AT_TRIAGE || target == WaitState.VERIFICATION) {
                finish(target);
                return;
            }
            verify(target != WaitState.CLOSED_UNVERIFIED);
            if (target == WaitState.CLOSED_UNVERIFIED || target == WaitState.ASSESSMENT) {
                finish(target);
                return;
            }
            assess(RiskAssessment.Occasion.INITIAL, null);
            if (target == WaitState.PLANNING) {
                finish(target);
                return;
            }
            plan();
            if (random.nextInt(100) < 35) {
                refer(target.isEnd());
            }
            boolean relocates = switch (target) {
                case ESCALATION_APPROVAL, RELOCATION_PREPARATION, ARRIVAL, EXILE_MONITORING, CHECK_IN,
                     EXILE_REASSESSMENT, CLOSURE_SIGN_OFF, CLOSED_AFTER_RELOCATION -> true;
                default -> false;
            };
            int reassessments = random.nextInt(relocates ? 2 : 3);
            for (int i = 0; i < reassessments; i++) {
                step(45, 120);
                assess(RiskAssessment.Occasion.REASSESSMENT, null);
            }
            if (!relocates) {
                local(target);
                return;
            }
            relocate(target);
        }

        /** When the story starts: open cases recently, closed ones anywhere in the history window. */
        private Instant start(WaitState target) {
            long window = Math.max(plan.historyWindow().toDays(), 60);
            return switch (target) {
                case TRIAGE -> now.minus(Duration.ofMinutes(30 + random.nextInt(36 * 60)));
                case VERIFICATION, CLOSED_AT_TRIAGE -> target.isEnd()
                        ? now.minus(DAY.multipliedBy(5 + random.nextInt((int) window - 4)))
                        : now.minus(DAY.multipliedBy(3 + random.nextInt(10)));
                case ASSESSMENT, PLANNING -> now.minus(DAY.multipliedBy(12 + random.nextInt(25)));
                default -> target.isEnd()
                        ? now.minus(DAY.multipliedBy(Math.min(window, 400) + random.nextInt((int) Math.max(1,
                        window - Math.min(window, 400)))))
                        : now.minus(DAY.multipliedBy(120 + random.nextInt((int) Math.min(window, 720))));
            };
        }

        /** Moves the story on by a number of days in [min, max], never past the present. */
        private void step(int min, int max) {
            Instant next = at.plus(DAY.multipliedBy(min + random.nextInt(max - min + 1)))
                    .plus(Duration.ofMinutes(random.nextInt(600)));
            Instant latest = now.minus(Duration.ofMinutes(5));
            at = next.isAfter(latest) ? latest : next;
        }

        private void register(SyntheticPeople.Person person) {
            Urgency urgency = urgency();
            caseFile = registrar.open(new IntakeRequest(person.pseudonym(), person.legalName(), person.contact(),
                    person.location(), person.situation(), person.country(), person.languages(), requestType(),
                    urgency, SyntheticPeople.pick(random, List.of(Channel.values())), true), team,
                    caseworker.getUsername(), at);
            event(caseworker, CaseEventKind.INTAKE_REGISTERED, "channel=" + caseFile.getChannel() + " urgency="
                    + caseFile.getUrgency(), AuditAction.CASE_CREATED, "channel=" + caseFile.getChannel());
            viewed(caseworker);
        }

        private Urgency urgency() {
            int draw = random.nextInt(100);
            return draw < 10 ? Urgency.CRITICAL : draw < 40 ? Urgency.HIGH : Urgency.STANDARD;
        }

        private RequestType requestType() {
            int draw = random.nextInt(100);
            return draw < 35 ? RequestType.PROTECTION_SUPPORT : draw < 60 ? RequestType.EMERGENCY_AID
                    : draw < 75 ? RequestType.RELOCATION : draw < 88 ? RequestType.DIGITAL_SECURITY
                    : RequestType.PSYCHOSOCIAL_SUPPORT;
        }

        private void triage(boolean eligible) {
            step(0, 2);
            Partner referral = eligible || staffing.partners().isEmpty() || random.nextBoolean() ? null
                    : SyntheticPeople.pick(random, staffing.partners());
            caseFile.completeTriage(new CaseFile.Triage(eligible, caseFile.getUrgency(),
                    eligible ? null : "Outside the mandate: not targeted for identity or human-rights work",
                    DuplicateDecision.NEW, null, eligible ? mentor : null, referral), at);
            event(caseworker, CaseEventKind.TRIAGED, "eligible=" + eligible + " urgency=" + caseFile.getUrgency(),
                    AuditAction.CASE_TRIAGED, "eligible=" + eligible);
            variables.put(Var.TRIAGE_OUTCOME, eligible ? "ELIGIBLE" : "INELIGIBLE");
            variables.put(Var.ELIGIBLE, eligible);
            if (eligible) {
                variables.put(Var.MENTOR, mentor.getUsername());
            }
        }

        private void verify(boolean verified) {
            step(2, 10);
            caseFile.completeVerification(verified,
                    verified ? SyntheticPeople.pick(random, List.of(VerificationMethod.values())) : null, null, at);
            event(caseworker, CaseEventKind.VERIFIED, "verified=" + verified, AuditAction.CASE_VERIFIED,
                    "verified=" + verified);
            variables.put(Var.VERIFIED, verified);
            viewed(mentor);
        }

        private void assess(RiskAssessment.Occasion occasion, String summary) {
            step(occasion == RiskAssessment.Occasion.INITIAL ? 3 : 0, occasion == RiskAssessment.Occasion.INITIAL
                    ? 14 : 2);
            LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
            List<RiskFactor.Factor> factors = new ArrayList<>();
            int threats = 1 + random.nextInt(3);
            for (int i = 0; i < threats; i++) {
                factors.add(RiskFactor.Factor.threat(SyntheticPeople.pick(random, List.of(ThreatCategory.values())),
                        SyntheticPeople.pick(random, THREAT_ACTORS), SyntheticPeople.pick(random, THREATS),
                        day.minusDays(random.nextInt(60)), 1 + random.nextInt(5), 1 + random.nextInt(5),
                        random.nextInt(5) == 0));
            }
            factors.add(RiskFactor.Factor.of(FactorKind.VULNERABILITY, SyntheticPeople.pick(random, VULNERABILITIES),
                    1 + random.nextInt(5), false));
            factors.add(RiskFactor.Factor.of(FactorKind.CAPACITY, SyntheticPeople.pick(random, CAPACITIES),
                    1 + random.nextInt(5), random.nextBoolean()));
            RiskFormula.Result result = RiskFormula.evaluate(factors, day);
            RiskLevel level = result.level();
            em.persist(new RiskAssessment(caseFile.getId(), occasion, mentor.getUsername(), at, factors,
                    result.score(), result.level(), level, null));
            Instant nextReview = at.plus(DAY.multipliedBy(level == RiskLevel.CRITICAL ? 7
                    : level == RiskLevel.HIGH ? 30 : 90));
            caseFile.recordRisk(level, nextReview, at);
            event(mentor, occasion == RiskAssessment.Occasion.INITIAL ? CaseEventKind.RISK_ASSESSED
                    : CaseEventKind.REASSESSED, summary == null ? "level=" + level : summary,
                    AuditAction.RISK_ASSESSED, "level=" + level);
        }

        private void plan() {
            step(1, 7);
            int count = 1 + random.nextInt(3);
            List<MeasureType> offered = new ArrayList<>(staffing.localMeasures());
            for (int i = 0; i < count && !offered.isEmpty(); i++) {
                MeasureType type = offered.remove(random.nextInt(offered.size()));
                ProtectionMeasure measure = new ProtectionMeasure(caseFile.getId(), type, mentor.getUsername(), at);
                em.persist(measure);
                measures.add(measure);
            }
            event(mentor, CaseEventKind.PLAN_UPDATED, "changes=" + measures.size(), AuditAction.PLAN_UPDATED,
                    "changes=" + measures.size());
            step(5, 30);
            for (ProtectionMeasure measure : measures) {
                MeasureStatus status = SyntheticPeople.pick(random, List.of(MeasureStatus.IN_PROGRESS,
                        MeasureStatus.DONE, MeasureStatus.DONE, MeasureStatus.NOT_EFFECTIVE,
                        MeasureStatus.NOT_FEASIBLE));
                measure.update(status, mentor.getUsername(), null, at);
            }
            event(mentor, CaseEventKind.MEASURE_UPDATED, "changes=" + measures.size(), AuditAction.MEASURE_UPDATED,
                    "changes=" + measures.size());
            viewed(coordinator);
        }

        /** A referral with the person's consent: answered and closed, declined, or (open cases) still awaited. */
        private void refer(boolean closedCase) {
            if (staffing.partners().isEmpty()) {
                return;
            }
            Partner partner = SyntheticPeople.pick(random, staffing.partners());
            step(1, 10);
            Set<SharedField> fields = EnumSet.of(SharedField.COUNTRY, SharedField.LANGUAGES, SharedField.SITUATION);
            em.persist(Consent.toShare(caseFile.getId(), partner, fields, true, at, caseworker.getUsername()));
            event(caseworker, CaseEventKind.CONSENT_RECORDED, "purpose=SHARE_WITH_PARTNER granted=true",
                    AuditAction.CONSENT_RECORDED, "purpose=SHARE_WITH_PARTNER");
            Map<SharedField, String> values = Map.of(SharedField.COUNTRY, caseFile.getCountry(),
                    SharedField.LANGUAGES, String.join(", ", caseFile.getLanguages()),
                    SharedField.SITUATION, caseFile.getSituation().name());
            ReferralPackage.Contents contents = ReferralPackage.build(caseFile.getReference(), values, fields, fields);
            int answerDays = Math.max(1, partner.rules().answerDays());
            Referral referral = new Referral(caseFile.getId(), partner, partner.getServices().get(0),
                    contents.shared(), contents.stored(), null, partner.getContactChannels().get(0),
                    caseworker.getUsername(), at, at.plus(DAY.multipliedBy(answerDays)));
            em.persist(referral);
            em.flush();
            tally.referrals++;
            event(caseworker, CaseEventKind.REFERRAL_SENT, "fields=" + contents.shared().size(),
                    AuditAction.REFERRAL_SENT, "fields=" + contents.shared().size());
            int draw = random.nextInt(100);
            if (!closedCase && draw < 20) {
                // Still awaited: the real reminder process runs, and flags it late once its due date has passed.
                referral.attachProcess(referralWorkflow.sent(new ReferralWorkflow.ReferralStart(referral.getId(),
                        caseFile.getId(), caseFile.getReference(), team.getCode(), referral.getAnswerDueAt())));
                return;
            }
            step(1, answerDays + 5);
            boolean accepted = draw < 80;
            referral.answer(accepted, null, caseworker.getUsername(), at);
            event(caseworker, CaseEventKind.REFERRAL_ANSWERED, "accepted=" + accepted, AuditAction.REFERRAL_ANSWERED,
                    "accepted=" + accepted);
            if (accepted) {
                step(7, 40);
                ReferralOutcome outcome = SyntheticPeople.pick(random, List.of(ReferralOutcome.SERVICE_PROVIDED,
                        ReferralOutcome.SERVICE_PROVIDED, ReferralOutcome.PARTLY_PROVIDED,
                        ReferralOutcome.NOT_PROVIDED, ReferralOutcome.LOST_CONTACT));
                referral.recordOutcome(outcome, null, caseworker.getUsername(), at);
                event(caseworker, CaseEventKind.REFERRAL_OUTCOME, "outcome=" + outcome,
                        AuditAction.REFERRAL_OUTCOME_RECORDED, "outcome=" + outcome);
            }
        }

        /** The case stays on local measures: monitoring, a reassessment, or a closure (waiting or signed off). */
        private void local(WaitState target) {
            switch (target) {
                case MONITORING -> {
                    Instant due = now.plus(DAY.multipliedBy(3 + random.nextInt(85)));
                    variables.put(Var.NEXT_REASSESSMENT_AT, due);
                    caseFile.recordRisk(caseFile.getRiskLevel(), due, at);
                }
                case REASSESSMENT -> {
                    step(20, 60);
                    event(caseworker, CaseEventKind.NEW_THREAT_REPORTED, "category=PHYSICAL",
                            AuditAction.NEW_THREAT_REPORTED, "category=PHYSICAL");
                }
                case LOCAL_CLOSURE_SIGN_OFF, CLOSED_IN_PLACE -> {
                    step(20, 120);
                    Outcome outcome = SyntheticPeople.pick(random, List.of(Outcome.SAFE_IN_PLACE,
                            Outcome.SAFE_IN_PLACE, Outcome.SAFE_IN_PLACE, Outcome.REFERRED, Outcome.LOST_CONTACT,
                            Outcome.WITHDREW));
                    caseFile.proposeClosureInPlace(outcome, mentor.getUsername(), at);
                    event(mentor, CaseEventKind.CLOSURE_PROPOSED, "outcome=" + outcome, AuditAction.CLOSURE_PROPOSED,
                            "outcome=" + outcome);
                    variables.put(Var.REASSESSMENT, "CLOSE");
                    if (target == WaitState.CLOSED_IN_PLACE) {
                        step(0, 5);
                        caseFile.closureInPlaceSignedOff(coordinator.getUsername(), at);
                        event(coordinator, CaseEventKind.CLOSED, "outcome=" + outcome, AuditAction.CLOSURE_DECIDED,
                                "signed-off=true");
                        variables.put(Var.CLOSURE_SIGNED_OFF, true);
                    }
                }
                default -> {
                    // PLANNING was handled before the plan; nothing else stays local.
                }
            }
            finish(target);
        }

        /** The last resort: evidence for every lower step, a second coordinator's approval, travel, exile. */
        private void relocate(WaitState target) {
            RelocationScope scope = random.nextInt(100) < 70 ? RelocationScope.INTERNATIONAL
                    : RelocationScope.REGIONAL;
            step(10, 40);
            List<StepEvidence> evidence = new ArrayList<>();
            for (int step = 1; step < scope.continuumStep(); step++) {
                int current = step;
                boolean tried = measures.stream().anyMatch(m -> m.getType().getContinuumStep() == current
                        && m.getStatus().isTried());
                evidence.add(new StepEvidence(step, tried ? EvidenceKind.TRIED : EvidenceKind.NOT_FEASIBLE,
                        tried ? "Tried under the protection plan, threats continued"
                                : "Not feasible: the threat follows the person within the country"));
            }
            if (!LastResortRule.problems(scope, evidence, measures).isEmpty()) {
                throw new IllegalStateException("generated escalation breaks the last-resort rule: "
                        + LastResortRule.problems(scope, evidence, measures));
            }
            Escalation escalation = new Escalation(caseFile.getId(), scope, mentor.getUsername(),
                    "Local measures exhausted; the person remains in danger where they are", evidence, at);
            em.persist(escalation);
            caseFile.escalationProposed(at);
            event(mentor, CaseEventKind.ESCALATION_PROPOSED, "scope=" + scope, AuditAction.ESCALATION_PROPOSED,
                    "scope=" + scope);
            variables.put(Var.REASSESSMENT, "ESCALATE");
            variables.put(Var.GATE_PASSED, true);
            variables.put(Var.ESCALATION_PROPOSER, mentor.getUsername());
            if (target == WaitState.ESCALATION_APPROVAL) {
                finish(target);
                return;
            }
            step(1, 7);
            escalation.decide(true, coordinator.getUsername(), "Approved after review of the evidence", at);
            caseFile.escalationApproved(scope, at);
            event(coordinator, CaseEventKind.ESCALATION_APPROVED, "scope=" + scope, AuditAction.ESCALATION_DECIDED,
                    "approved=true");
            variables.put(Var.ESCALATION_APPROVED, true);
            if (target == WaitState.RELOCATION_PREPARATION) {
                finish(target);
                return;
            }
            step(7, 40);
            String destination = SyntheticPeople.pick(random, scope == RelocationScope.INTERNATIONAL
                    ? List.of("DE", "FR", "CA", "NL", "SE", "ES", "IE", "NO") : List.of("GE", "AM", "TR", "KE", "GH"));
            if (destination.equals(caseFile.getCountry())) {
                destination = "DE";
            }
            Partner relocationPartner = staffing.partners().isEmpty() ? null
                    : SyntheticPeople.pick(random, staffing.partners());
            caseFile.relocationPrepared(relocationPartner, destination, at);
            event(caseworker, CaseEventKind.RELOCATION_PREPARED, "scope=" + scope, AuditAction.RELOCATION_UPDATED,
                    "prepared");
            if (target == WaitState.ARRIVAL) {
                finish(target);
                return;
            }
            step(5, 30);
            Instant arrival = at;
            caseFile.arrived(arrival, at.plus(DAY.multipliedBy(30)), at);
            event(caseworker, CaseEventKind.ARRIVED, "arrived", AuditAction.RELOCATION_UPDATED, "arrived");
            variables.put(Var.RELOCATION, "ARRIVED");
            int checkIns = random.nextInt(3);
            for (int i = 0; i < checkIns; i++) {
                step(25, 40);
                caseFile.checkedIn(null, at.plus(DAY.multipliedBy(30)), at);
                event(caseworker, CaseEventKind.CHECK_IN, "continue", AuditAction.CHECK_IN_RECORDED, "continue");
                variables.put(Var.CHECK_IN, "CONTINUE");
            }
            switch (target) {
                case EXILE_MONITORING -> {
                    step(25, 40);
                    Instant due = now.plus(DAY.multipliedBy(2 + random.nextInt(28)));
                    caseFile.checkedIn(null, due, at);
                    event(caseworker, CaseEventKind.CHECK_IN, "continue", AuditAction.CHECK_IN_RECORDED, "continue");
                    variables.put(Var.NEXT_CHECK_IN_AT, due);
                }
                case CLOSURE_SIGN_OFF, CLOSED_AFTER_RELOCATION -> {
                    step(20, 60);
                    caseFile.proposeClosure(Outcome.RELOCATED_AND_SAFE, caseworker.getUsername(), at);
                    event(caseworker, CaseEventKind.CLOSURE_PROPOSED, "outcome=RELOCATED_AND_SAFE",
                            AuditAction.CLOSURE_PROPOSED, "outcome=RELOCATED_AND_SAFE");
                    variables.put(Var.CHECK_IN, "CLOSE");
                    if (target == WaitState.CLOSED_AFTER_RELOCATION) {
                        step(0, 5);
                        caseFile.closureSignedOff(secondCoordinator.getUsername(), at);
                        event(secondCoordinator, CaseEventKind.CLOSED, "outcome=RELOCATED_AND_SAFE",
                                AuditAction.CLOSURE_DECIDED, "signed-off=true");
                        variables.put(Var.CLOSURE_SIGNED_OFF, true);
                    }
                }
                default -> {
                    // CHECK_IN and EXILE_REASSESSMENT wait right after the check-ins above.
                }
            }
            finish(target);
        }

        /** The process at its wait state, and the case views that make up a case's usual share of audit rows. */
        private void finish(WaitState target) {
            if (caseFile.getPhase() != target.phase()) {
                throw new IllegalStateException("generated case " + caseFile.getReference() + " is in phase "
                        + caseFile.getPhase() + ", not " + target.phase() + " as " + target + " requires");
            }
            if (target == WaitState.TRIAGE) {
                variables.put(Var.TRIAGE_DUE_AT, caseFile.getCreatedAt()
                        .plus(TriageDeadlines.forUrgency(caseFile.getUrgency())));
            }
            String processId = workflow.startAt(new CaseWorkflow.CaseStart(caseFile.getId(), caseFile.getReference(),
                    team.getCode(), TriageDeadlines.forUrgency(caseFile.getUrgency())), target, variables);
            caseFile.attachProcess(processId);
            List<UserAccount> readers = List.of(caseworker, mentor, coordinator);
            int goal = 8 + random.nextInt(5);
            while (audits < goal) {
                viewed(SyntheticPeople.pick(random, readers));
            }
        }

        private int audits;

        private void viewed(UserAccount reader) {
            audit.record(reader.getUsername(), AuditAction.CASE_VIEWED, caseFile.getId(), null);
            tally.audit++;
            audits++;
        }

        private void event(UserAccount actor, CaseEventKind kind, String summary, AuditAction action, String detail) {
            timeline.recordAt(caseFile, at, actor.getUsername(), kind, summary, null);
            audit.record(actor.getUsername(), action, caseFile.getId(), detail);
            tally.timeline++;
            tally.audit++;
            audits++;
        }
    }

    /** What the grants pass wrote. */
    public record GrantsWritten(int grants, int recommended, BigDecimal paid) {
    }

    /**
     * Emergency grants on some of the given case files (all past their risk assessment), in one transaction: most
     * approved, paid and reported (the fund's burn-down shows the spending), a few rejected, and, on case files still
     * running, a few just recommended, whose decision waits in the real grant process. Funds are never overdrawn:
     * a fund is left alone once three quarters of its budget are committed or paid.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public GrantsWritten writeGrants(List<Long> caseFileIds, long seed) {
        Staffing staffing = staffing();
        List<Fund> funds = em.createQuery("select f from Fund f order by f.code", Fund.class).getResultList();
        int written = 0;
        int recommended = 0;
        BigDecimal paid = BigDecimal.ZERO;
        for (Long id : caseFileIds) {
            CaseFile caseFile = em.find(CaseFile.class, id);
            Random random = new Random(mixed(seed * 7_919L + id));
            if (caseFile == null || caseFile.getRiskLevel() == null || funds.isEmpty()) {
                continue;
            }
            // Among the funds still open to it: a fund spent by earlier work (another run, a test) is not chosen.
            List<Fund> open = funds.stream().filter(f -> !f.rules().categories().isEmpty()
                    && f.available().compareTo(f.getBudget().multiply(new BigDecimal("0.25"))) >= 0).toList();
            if (open.isEmpty()) {
                continue;
            }
            Fund fund = SyntheticPeople.pick(random, open);
            List<GrantCategory> categories = List.copyOf(fund.rules().categories());
            Team team = caseFile.getTeam();
            List<UserAccount> caseworkers = staffing.of(team, Role.CASEWORKER);
            if (caseworkers.isEmpty()) {
                continue;
            }
            UserAccount recommender = SyntheticPeople.pick(random, caseworkers);
            // Four eyes: a team lead who is caseworker and coordinator never decides on their own recommendation.
            List<UserAccount> coordinators = new ArrayList<>(staffing.of(team, Role.COORDINATOR));
            coordinators.removeIf(c -> c.getUsername().equals(recommender.getUsername()));
            if (coordinators.size() < 2) {
                continue;
            }
            BigDecimal ceiling = fund.rules().ceilingPerGrant();
            BigDecimal amount = BigDecimal.valueOf(200 + random.nextInt(2300)).setScale(2, RoundingMode.HALF_UP);
            if (ceiling != null && amount.compareTo(ceiling) > 0) {
                amount = ceiling;
            }
            // Never more than the fund still has: earlier work (a test's grants) may have spent most of it, and an
            // approval beyond it is refused (grant.fund.insufficient), which stopped the whole run.
            BigDecimal available = fund.available().setScale(2, RoundingMode.DOWN);
            if (amount.compareTo(available) > 0) {
                amount = available;
            }
            Instant at = caseFile.getUpdatedAt().isAfter(Instant.now()) ? Instant.now() : caseFile.getUpdatedAt();
            LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
            GrantCategory category = SyntheticPeople.pick(random, categories);
            EmergencyGrant grant = new EmergencyGrant(grants.nextReference(), id, fund, caseFile.getRiskLevel(),
                    new EmergencyGrant.Request(category, 3, "Generated request: " + category.name().toLowerCase(),
                            amount, fund.getCurrency(), amount, day, 1, true, true, BigDecimal.ONE),
                    recommender.getUsername(), at);
            em.persist(grant);
            em.flush();
            caseEvent(caseFile, at, recommender, CaseEventKind.EMERGENCY_GRANT_REQUESTED,
                    "category=" + category, AuditAction.EMERGENCY_GRANT_REQUESTED,
                    "fund=" + fund.getCode() + " category=" + category);
            written++;
            boolean running = caseFile.getPhase() != org.continuum.casefile.entity.Phase.CLOSED;
            if (running && random.nextInt(100) < 25) {
                grant.startedProcess(grantWorkflow.requested(caseFile.getProcessInstanceId(),
                        new GrantWorkflow.GrantStart(grant.getId(), grant.getReference(), recommender.getUsername(),
                                id, caseFile.getReference(), team.getCode())));
                recommended++;
                continue;
            }
            UserAccount first = coordinators.remove(random.nextInt(coordinators.size()));
            UserAccount second = SyntheticPeople.pick(random, coordinators);
            if (random.nextInt(100) < 10) {
                grant.decide(DecisionKind.REJECT, first.getUsername(), null, null,
                        "Covered by another donor already", true, at);
                caseEvent(caseFile, at, first, CaseEventKind.GRANT_REJECTED, "rejected", AuditAction.GRANT_DECIDED,
                        "decision=REJECT");
                continue;
            }
            BigDecimal commit = grant.decide(DecisionKind.APPROVE, first.getUsername(), null, BigDecimal.ONE,
                    "Urgent need confirmed by the mentor", true, at);
            if (commit == null) {
                commit = grant.decide(DecisionKind.APPROVE, second.getUsername(), null, BigDecimal.ONE,
                        "Second approval after checking the file", true, at);
            }
            fund.commit(commit);
            caseEvent(caseFile, at, first, CaseEventKind.GRANT_APPROVED, "approved", AuditAction.GRANT_DECIDED,
                    "decision=APPROVE");
            Disbursement.Payment payment = new Disbursement.Payment(
                    SyntheticPeople.pick(random, List.of(DisbursementMethod.values())),
                    "TX-" + Long.toString(Math.abs(random.nextLong()), 36), null, day);
            grant.pay(grant.remainingToPay(), payment, second.getUsername(), at, day);
            fund.pay(commit);
            paid = paid.add(commit);
            caseEvent(caseFile, at, second, CaseEventKind.GRANT_DISBURSED, "tranche=1", AuditAction.GRANT_DISBURSED,
                    "tranche=1");
            // Always accounted for: a report awaited without its process would leave nobody a task to record it.
            if (grant.awaitsReport()) {
                grant.reportReceived(at);
                caseEvent(caseFile, at, recommender, CaseEventKind.GRANT_REPORT_RECEIVED, "report",
                        AuditAction.GRANT_REPORT_RECEIVED, "report");
            }
        }
        return new GrantsWritten(written, recommended, paid);
    }

    /**
     * Spreads neighbouring seeds apart (SplitMix64's finaliser): java.util.Random seeded with consecutive numbers
     * gives nearly the same first draws, which put every case file of the demo in the same team.
     */
    static long mixed(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private void caseEvent(CaseFile caseFile, Instant at, UserAccount actor, CaseEventKind kind, String summary,
                           AuditAction action, String detail) {
        timeline.recordAt(caseFile, at, actor.getUsername(), kind, summary, null);
        audit.record(actor.getUsername(), action, caseFile.getId(), detail);
    }

    private static final List<String> THREAT_ACTORS = List.of("Police", "Family member", "Militia",
            "Online group", "Neighbours", "Employer", "Unknown");
    private static final List<String> THREATS = List.of("Threats by phone", "Followed home", "Summons to a police"
            + " station", "Account hacked and contacts exposed", "Physical attack", "Eviction threatened",
            "Family pressure to marry", "Named in a smear campaign");
    private static final List<String> VULNERABILITIES = List.of("Lives alone", "Address known", "No savings",
            "Health condition", "Undocumented");
    private static final List<String> CAPACITIES = List.of("Trusted network nearby", "Digital security habits",
            "Legal counsel available", "Savings for a month", "Second phone");
}
