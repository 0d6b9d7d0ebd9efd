package org.continuum.referral.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import org.continuum.casefile.control.Consents;
import org.continuum.platform.control.CaseAccessDenied;
import org.continuum.casefile.control.CaseFiles;
import org.continuum.referral.control.Referrals;
import org.continuum.casefile.control.CaseEvents;
import org.continuum.identity.control.Caller;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.audit.entity.AuditOutcome;
import org.continuum.casefile.control.CaseGuard;
import org.continuum.platform.control.InvalidInput;
import org.continuum.casefile.control.Timeline;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.casefile.entity.Consent;
import org.continuum.casefile.entity.Phase;
import org.continuum.casefile.entity.SharedField;
import org.continuum.platform.control.Roles;
import org.continuum.identity.entity.UserAccount;
import org.continuum.protection.control.RiskAssessments;
import org.continuum.protection.entity.FactorKind;
import org.continuum.protection.entity.RiskAssessment;
import org.continuum.reference.control.Partners;
import org.continuum.reference.entity.Partner;
import org.continuum.referral.control.Eligibility;
import org.continuum.referral.control.ReferralPackage;
import org.continuum.referral.control.ReferralWorkflow;
import org.continuum.referral.entity.Referral;
import org.continuum.referral.entity.ReferralOutcome;
import org.continuum.referral.entity.ReferralStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The referral desk of a case: partners that fit it, the person's consent per partner and per field, referrals sent
 * with exactly the consented fields, and the partner's answer and outcome coming back. Everyone who may open the
 * case may use it; every reading of the desk (it shows what was shared) and every change is audited.
 */
@Stateless
@RolesAllowed({Roles.CASEWORKER, Roles.SECURITY_MENTOR, Roles.COORDINATOR})
public class ReferralService {

    @Inject
    Consents consents;

    @Inject
    Caller currentCaller;

    /** Test and demo servers shorten the wait before the reminder (e.g. {@code PT3S}); production uses the date. */
    static final String ANSWER_WITHIN_PROPERTY = "continuum.referral.answerWithin";

    @Inject
    Referrals referrals;

    @Inject
    CaseFiles caseFiles;

    @Inject
    CaseGuard guard;

    @Inject
    Partners partners;

    @Inject
    RiskAssessments riskAssessments;

    @Inject
    ReferralWorkflow workflow;

    @Inject
    CaseEvents events;

    @Inject
    Timeline timeline;

    @Inject
    AuditTrail audit;

    public Desk desk(long caseFileId) {
        UserAccount caller = currentCaller.account();
        CaseFile caseFile = guard.open(caller, caseFileId, AuditAction.REFERRAL_DESK_VIEWED);
        audit.record(caller.getUsername(), AuditAction.REFERRAL_DESK_VIEWED, caseFileId, null);
        Eligibility.Profile profile = profileOf(caseFile);
        Map<Long, Consent> consents = this.consents.sharingInForce(caseFileId);
        List<PartnerCard> cards = partners.active().stream()
                .map(p -> {
                    Consent consent = consents.get(p.getId());
                    return new PartnerCard(p.getId(), p.getCode(), p.getName(), p.getKind(), p.getServices(),
                            p.getLanguages(), p.getContactChannels(), p.getStatedLimits(), p.getWebsite(),
                            p.rules().answerDays(),
                            Eligibility.of(p.rules(), p.getLanguages(), p.getServices(), profile),
                            consent == null ? null : consent.isGranted(),
                            consent == null ? Set.of() : consent.getSharedFields(),
                            consent == null ? null : consent.getRecordedAt());
                })
                .sorted(Comparator.comparing((PartnerCard c) -> !c.hint().suggested())
                        .thenComparing(c -> !c.hint().eligible()))
                .toList();
        List<ReferralRow> rows = referrals.ofCase(caseFileId).stream().map(this::row).toList();
        return new Desk(caseFileId, caseFile.getReference(), caseFile.getPseudonym(), caseFile.getPhase(), profile,
                cards, rows);
    }

    /** Records whether the person is targeted because of their LGBTQIA+ or human-rights work (null: unknown). */
    public void recordTargetedForWork(long caseFileId, Boolean targeted) {
        UserAccount caller = currentCaller.account();
        CaseFile caseFile = guard.open(caller, caseFileId, AuditAction.CASE_PROFILE_UPDATED);
        InvalidInput.whenRefused(() -> caseFile.recordTargetedForWork(targeted, Instant.now()));
        events.record(caseFile, caller.getUsername(), CaseEventKind.PROFILE_UPDATED, "targetedForWork=" + targeted,
                null, AuditAction.CASE_PROFILE_UPDATED, "targetedForWork=" + targeted);
    }

    /** The person's consent (or refusal) to share the named fields with one partner; the latest one is in force. */
    public void recordConsent(long caseFileId, Long partnerId, Set<SharedField> fields, boolean granted) {
        UserAccount caller = currentCaller.account();
        CaseFile caseFile = guard.open(caller, caseFileId, AuditAction.CONSENT_RECORDED);
        Partner partner = partners.chosen(partnerId);
        if (partner == null) {
            throw new InvalidInput("referral.partner.required");
        }
        Consent consent = InvalidInput.whenRefused(() -> Consent.toShare(caseFileId, partner, fields, granted,
                Instant.now(), caller.getUsername()));
        consents.add(consent);
        String shared = consent.getSharedFields().stream().map(Enum::name).collect(Collectors.joining(","));
        events.record(caseFile, caller.getUsername(), CaseEventKind.CONSENT_RECORDED,
                "partner=" + partner.getCode() + " granted=" + granted + " fields=" + shared, null,
                AuditAction.CONSENT_RECORDED, "granted=" + granted + " fields=" + shared);
    }

    /**
     * Sends a referral: only fields the person consented to share with this partner, for one of the partner's
     * services, through one of its channels. Asking for a field without consent is refused (and the attempt
     * audited); the package kept is exactly what left. The wait for the answer starts, with its reminder.
     */
    public SentReferral refer(long caseFileId, ReferralRequest request) {
        UserAccount caller = currentCaller.account();
        CaseFile caseFile = guard.open(caller, caseFileId, AuditAction.REFERRAL_SENT);
        if (request == null || request.partnerId() == null) {
            throw new InvalidInput("referral.partner.required");
        }
        if (caseFile.getPhase() == Phase.CLOSED) {
            throw new InvalidInput("referral.caseClosed");
        }
        Partner partner = partners.chosen(request.partnerId());
        Consent consent = consents.sharingInForce(caseFileId).get(partner.getId());
        Set<SharedField> consented = consent == null ? Set.of() : consent.getSharedFields();
        Set<SharedField> requested = request.fields() == null ? Set.of() : request.fields();
        List<String> problems = new ArrayList<>(ReferralPackage.problems(requested, consented));
        Instant now = Instant.now();
        Instant due = dueAt(request.answerDueOn(), partner, now);
        if (!due.isAfter(now)) {
            problems.add("referral.due.future");
        }
        if (!problems.isEmpty()) {
            audit.recordIndependently(caller.getUsername(), AuditAction.REFERRAL_SENT, caseFileId,
                    AuditOutcome.DENIED, "problems=" + problems.size());
            throw new InvalidInput(problems);
        }
        ReferralPackage.Contents contents = ReferralPackage.build(caseFile.getReference(), valuesOf(caseFile),
                consented, requested);
        if (contents.shared().isEmpty()) {
            throw new InvalidInput("referral.fields.empty");
        }
        Referral referral = InvalidInput.whenRefused(() -> new Referral(caseFileId, partner, request.purpose(),
                contents.shared(), contents.stored(), request.message(), request.channel(), caller.getUsername(), now,
                due));
        referrals.add(referral);
        referral.attachProcess(workflow.sent(new ReferralWorkflow.ReferralStart(referral.getId(), caseFileId,
                caseFile.getReference(), caseFile.getTeam().getCode(), due)));
        String fields = contents.shared().stream().map(Enum::name).collect(Collectors.joining(","));
        events.record(caseFile, caller.getUsername(), CaseEventKind.REFERRAL_SENT,
                "partner=" + partner.getCode() + " purpose=" + request.purpose() + " fields=" + fields, null,
                AuditAction.REFERRAL_SENT,
                "fields=" + contents.shared().size());
        return new SentReferral(referral.getId(), partner.getName(), request.channel(), contents.lines(), due);
    }

    /** The partner's answer: accepted (the outcome is awaited) or declined. Ends the wait and its reminder. */
    public void recordAnswer(long referralId, boolean accepted, String note) {
        UserAccount caller = currentCaller.account();
        Referral referral = locked(caller, referralId, AuditAction.REFERRAL_ANSWERED);
        CaseFile caseFile = caseFiles.get(referral.getCaseFileId());
        InvalidInput.whenRefused(() -> referral.answer(accepted, note, caller.getUsername(), Instant.now()));
        workflow.answered(referral.getProcessInstanceId());
        String summary = "partner=" + partners.codeOf(referral.getPartnerId()) + " answer="
                + (accepted ? "ACCEPTED" : "DECLINED");
        events.record(caseFile, caller.getUsername(), CaseEventKind.REFERRAL_ANSWERED, summary, note,
                AuditAction.REFERRAL_ANSWERED, "accepted=" + accepted);
    }

    /** What an accepted referral brought the person; the loop is closed and the outcome is on the timeline. */
    public void recordOutcome(long referralId, ReferralOutcome outcome, String note) {
        UserAccount caller = currentCaller.account();
        Referral referral = locked(caller, referralId, AuditAction.REFERRAL_OUTCOME_RECORDED);
        CaseFile caseFile = caseFiles.get(referral.getCaseFileId());
        InvalidInput.whenRefused(() -> referral.recordOutcome(outcome, note, caller.getUsername(), Instant.now()));
        events.record(caseFile, caller.getUsername(), CaseEventKind.REFERRAL_OUTCOME,
                "partner=" + partners.codeOf(referral.getPartnerId()) + " outcome=" + outcome, note,
                AuditAction.REFERRAL_OUTCOME_RECORDED, "outcome=" + outcome);
    }

    /** Referrals of the caller's case files still waiting for an answer after their due date, oldest first. */
    public List<OverdueReferral> overdue() {
        List<Referrals.Overdue> overdue = referrals.overdue(currentCaller.account(), Instant.now(), 50);
        Map<Long, String> names = partners.namesOf(overdue.stream().map(Referrals.Overdue::partnerId).toList());
        return overdue.stream().map(o -> new OverdueReferral(o.referralId(), o.caseFileId(), o.caseReference(),
                names.get(o.partnerId()), o.answerDueAt())).toList();
    }

    private Referral locked(UserAccount caller, long referralId, AuditAction action) {
        Referral referral = referrals.locked(referralId).orElse(null);
        if (referral == null) {
            audit.recordIndependently(caller.getUsername(), action, null, AuditOutcome.DENIED,
                    "not-found referral=" + referralId);
            throw new CaseAccessDenied();
        }
        guard.open(caller, referral.getCaseFileId(), action);
        return referral;
    }

    private static Instant dueAt(LocalDate answerDueOn, Partner partner, Instant now) {
        if (answerDueOn != null) {
            return answerDueOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        String within = System.getProperty(ANSWER_WITHIN_PROPERTY);
        if (within != null && !within.isBlank()) {
            return now.plus(Duration.parse(within));
        }
        return now.plus(Duration.ofDays(partner.rules().answerDays()));
    }

    /** The case's current values of every field that can be shared; the package keeps only the consented ones. */
    private Map<SharedField, String> valuesOf(CaseFile caseFile) {
        Map<SharedField, String> values = new EnumMap<>(SharedField.class);
        values.put(SharedField.LEGAL_NAME, caseFile.getLegalName());
        values.put(SharedField.CONTACT, caseFile.getContact());
        values.put(SharedField.LOCATION, caseFile.getLocation());
        values.put(SharedField.COUNTRY, caseFile.getCountry());
        values.put(SharedField.LANGUAGES, String.join(", ", caseFile.getLanguages()));
        values.put(SharedField.SITUATION, caseFile.getSituation().name());
        values.put(SharedField.REQUEST_TYPE, caseFile.getRequestType().name());
        values.put(SharedField.RISK_LEVEL, caseFile.getRiskLevel() == null ? null : caseFile.getRiskLevel().name());
        List<RiskAssessment> history = riskAssessments.history(caseFile.getId());
        if (!history.isEmpty()) {
            values.put(SharedField.THREATS, history.get(history.size() - 1).factors().stream()
                    .filter(f -> f.kind() == FactorKind.THREAT)
                    .map(f -> f.threatCategory() + ": " + (f.actor() == null ? "" : f.actor() + " — ")
                            + f.description())
                    .collect(Collectors.joining("; ")));
        }
        return values;
    }

    private static Eligibility.Profile profileOf(CaseFile c) {
        return new Eligibility.Profile(c.getSituation(), c.getCountry(), c.getLanguages(), c.getRequestType(),
                c.getTargetedForWork());
    }

    private ReferralRow row(Referral r) {
        return new ReferralRow(r.getId(), partners.nameOf(r.getPartnerId()), r.getPurpose(), r.getChannel(),
                EnumSet.copyOf(r.getSharedFields()), ReferralPackage.Contents.parse(r.getSharedPackage()).lines(),
                r.getMessage(), r.getSentAt(), r.getSentBy(), r.getAnswerDueAt(), r.isAnswerOverdue(),
                r.getStatus(), r.getAnsweredAt(), r.getAnswerNote(), r.getOutcome(), r.getOutcomeNote(),
                r.getOutcomeAt());
    }


    public record ReferralRequest(Long partnerId, String purpose, Set<SharedField> fields, String channel,
                                  String message, LocalDate answerDueOn) {
        @Override
        public String toString() {
            return "ReferralRequest[" + partnerId + "," + purpose + "," + fields + "]";
        }
    }

    public record SentReferral(long referralId, String partnerName, String channel,
                               List<ReferralPackage.Line> shared, Instant answerDueAt) implements Serializable {
        @Override
        public String toString() {
            return "SentReferral[" + referralId + "]";
        }
    }

    public record PartnerCard(long id, String code, String name, Partner.Kind kind, List<String> services,
                              List<String> languages, List<String> channels, String statedLimits, String website,
                              int answerDays, Eligibility.Hint hint, Boolean consentGranted,
                              Set<SharedField> consentedFields, Instant consentRecordedAt) implements Serializable {
    }

    public record ReferralRow(long id, String partnerName, String purpose, String channel,
                              Set<SharedField> sharedFields, List<ReferralPackage.Line> shared, String message,
                              Instant sentAt, String sentBy, Instant answerDueAt, boolean answerOverdue,
                              ReferralStatus status, Instant answeredAt, String answerNote, ReferralOutcome outcome,
                              String outcomeNote, Instant outcomeAt) implements Serializable {
        @Override
        public String toString() {
            return "ReferralRow[" + id + "," + status + "]";
        }
    }

    public record Desk(long caseFileId, String caseReference, String pseudonym, Phase phase,
                       Eligibility.Profile profile, List<PartnerCard> partners, List<ReferralRow> referrals) implements Serializable {
    }

    public record OverdueReferral(long referralId, long caseFileId, String caseReference, String partnerName,
                                  Instant answerDueAt) implements Serializable {
    }
}
