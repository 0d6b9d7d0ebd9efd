package org.continuum.document.boundary;

import org.continuum.document.control.CaseDocuments;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.reference.control.Partners;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.audit.entity.AuditOutcome;
import org.continuum.casefile.control.CaseGuard;
import org.continuum.casefile.control.Consents;
import org.continuum.casefile.control.Timeline;
import org.continuum.casefile.entity.CaseEvent;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.casefile.entity.Consent;
import org.continuum.casefile.entity.ConsentPurpose;
import org.continuum.document.control.PdfComposer;
import org.continuum.grant.control.Grants;
import org.continuum.grant.entity.EmergencyGrant;
import org.continuum.identity.control.Caller;
import org.continuum.identity.entity.Role;
import org.continuum.identity.entity.UserAccount;
import org.continuum.platform.control.Bundles;
import org.continuum.platform.control.CaseAccessDenied;
import org.continuum.platform.control.Labels;
import org.continuum.platform.control.Roles;
import org.continuum.protection.control.Measures;
import org.continuum.protection.control.RiskAssessments;
import org.continuum.protection.entity.ProtectionMeasure;
import org.continuum.protection.entity.RiskAssessment;
import org.continuum.referral.control.ReferralPackage;
import org.continuum.referral.control.Referrals;
import org.continuum.referral.entity.Referral;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * Generates PDF dossiers for the staff of a case (need to know, audited each time): the internal dossier with
 * everything the case holds, and the referral dossier, which is built from the referral's stored package alone, so
 * it cannot hold a field the person did not consent to share with that partner, whatever the case contains.
 */
@Stateless
@RolesAllowed({Roles.CASEWORKER, Roles.SECURITY_MENTOR, Roles.COORDINATOR})
public class DossierService {

    @Inject
    Referrals referrals;

    @Inject
    Partners partners;

    @Inject
    Consents consents;

    @Inject
    Caller currentCaller;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Inject
    CaseGuard guard;

    @Inject
    Timeline timeline;

    @Inject
    CaseDocuments documents;

    @Inject
    RiskAssessments riskAssessments;

    @Inject
    Measures measures;

    @Inject
    Grants grants;

    @Inject
    AuditTrail audit;

    /** A generated dossier: its file name, the PDF and the password shown once to the caller. */
    public record Dossier(String fileName, PdfComposer.Protected file) {
        @Override
        public String toString() {
            return "Dossier[" + fileName + "]";
        }
    }

    public Dossier caseDossier(long caseFileId, String language) {
        UserAccount caller = currentCaller.account();
        CaseFile c = guard.open(caller, caseFileId, AuditAction.DOSSIER_GENERATED);
        ResourceBundle words = words(language);
        Labels labels = Labels.of(language);
        Instant now = Instant.now();
        try (PdfComposer pdf = new PdfComposer(String.format(words.getString("watermark"), caller.getUsername(),
                WHEN.format(now), words.getString("purpose.internal")), c.getReference(),
                Bundles.isRightToLeft(language))) {
            pdf.title(String.format(words.getString("title.case"), c.getReference()));
            pdf.heading(words.getString("section.identity"));
            pdf.field(words.getString("field.pseudonym"), c.getPseudonym());
            pdf.field(words.getString("field.legalName"), c.getLegalName());
            pdf.field(words.getString("field.contact"), c.getContact());
            pdf.field(words.getString("field.location"), c.getLocation());
            pdf.heading(words.getString("section.situation"));
            pdf.field(words.getString("field.country"), labels.country(c.getCountry()));
            pdf.field(words.getString("field.languages"), labels.languages(c.getLanguages()));
            pdf.field(words.getString("field.situation"), labels.of("situation", c.getSituation()));
            pdf.field(words.getString("field.request"), labels.of("requestType", c.getRequestType()));
            pdf.field(words.getString("field.urgency"), labels.of("urgency", c.getUrgency()));
            pdf.field(words.getString("field.phase"), labels.of("phase", c.getPhase()));
            pdf.field(words.getString("field.risk"), labels.of("risk", c.getRiskLevel()));
            pdf.field(words.getString("field.nextReview"), labels.when(c.getNextReviewAt()));
            if (c.getRelocationScope() != null) {
                pdf.field(words.getString("field.relocation"), labels.of("scope", c.getRelocationScope()) + " → "
                        + (c.getDestinationCountry() == null ? "" : labels.country(c.getDestinationCountry())));
            }
            pdf.heading(words.getString("section.consent"));
            var consents = this.consents.ofCase(caseFileId);
            pdf.item(labels.of("consentPurpose", ConsentPurpose.STORAGE) + ": " + words.getString("state.granted")
                    + " · " + labels.when(c.getConsentRecordedAt()));
            for (Consent consent : consents) {
                pdf.item(labels.of("consentPurpose", consent.getPurpose()) + (consent.getPartnerId() == null ? ""
                        : " · " + partners.nameOf(consent.getPartnerId()))
                        + (consent.getChannel() == null ? "" : " · " + labels.of("channel", consent.getChannel()))
                        + ": " + words.getString(consent.isGranted() ? "state.granted" : "state.refused")
                        + (consent.getSharedFields().isEmpty() ? "" : " (" + consent.getSharedFields().stream()
                        .map(f -> labels.of("sharedField", f)).collect(Collectors.joining(", ")) + ")")
                        + " · " + labels.when(consent.getRecordedAt()));
            }
            pdf.heading(words.getString("section.risk"));
            for (RiskAssessment a : riskAssessments.history(caseFileId)) {
                pdf.item(labels.when(a.getAssessedAt()) + " · " + a.getAssessedBy() + " · "
                        + labels.of("risk", a.getChosenLevel())
                        + (a.getScore() == null ? "" : " (" + a.getScore() + ")")
                        + (a.getOverrideReason() == null ? "" : " · " + a.getOverrideReason()));
            }
            pdf.heading(words.getString("section.plan"));
            for (ProtectionMeasure m : measures.of(caseFileId)) {
                pdf.item(labels.of("step", m.getType().getContinuumStep()) + " · "
                        + m.getType().name(labels.locale().getLanguage()) + " · " + labels.of("measureStatus", m.getStatus())
                        + " · " + m.getOwner()
                        + (m.getEffectiveness() == null ? "" : " · " + m.getEffectiveness() + "/5")
                        + (m.getNote() == null ? "" : " · " + m.getNote()));
            }
            pdf.heading(words.getString("section.referrals"));
            List<Referral> sent = new ArrayList<>(referrals.ofCase(caseFileId));
            Collections.reverse(sent);
            for (Referral r : sent) {
                pdf.item(labels.when(r.getSentAt()) + " · " + partners.nameOf(r.getPartnerId()) + " · "
                        + r.getPurpose() + " · " + r.getSharedFields().stream().map(f -> labels.of("sharedField", f))
                        .collect(Collectors.joining(", ")) + " · " + labels.of("referralStatus", r.getStatus())
                        + (r.getOutcome() == null ? "" : " · " + labels.of("referralOutcome", r.getOutcome())));
            }
            pdf.heading(words.getString("section.grants"));
            for (EmergencyGrant g : grants.ofCase(caseFileId)) {
                pdf.item(g.getReference() + " · " + labels.of("grantCategory", g.getCategory()) + " · "
                        + labels.money(g.getAmount(), g.getCurrency()) + " · "
                        + labels.of("grantStatus", g.getStatus()));
            }
            pdf.heading(words.getString("section.documents"));
            for (CaseDocuments.Listed d : documents.ofCase(caseFileId)) {
                pdf.item(d.fileName() + " · " + labels.of("documentKind", d.kind()) + " · " + d.sizeBytes() + " B · "
                        + labels.when(d.uploadedAt()) + (d.description() == null ? "" : " · " + d.description()));
            }
            pdf.heading(words.getString("section.timeline"));
            for (CaseEvent e : timeline.of(caseFileId)) {
                pdf.item(labels.when(e.getOccurredAt()) + " · " + e.getActor() + " · " + labels.of("event", e.getKind())
                        + (e.getSummary() == null ? "" : " · " + labels.summary(e.getSummary()))
                        + (e.getNote() == null ? "" : " · " + e.getNote()));
            }
            PdfComposer.Protected file = pdf.finish();
            audit.record(caller.getUsername(), AuditAction.DOSSIER_GENERATED, caseFileId,
                    "internal pages=" + file.pages());
            return new Dossier(c.getReference() + "-dossier.pdf", file);
        }
    }

    /**
     * The languages the partner of this referral reads that a document can be written in, in the partner's order
     * (the dossier page offers the first one): a partner in Beirut gets its referral in Arabic without the
     * caseworker having to remember it. Empty when the partner reads none of them. Need to know applies.
     */
    public java.util.List<String> partnerLanguages(long referralId) {
        Referral r = referralOnOpenCase(currentCaller.account(), referralId).referral();
        org.continuum.reference.entity.Partner partner = partners.chosen(r.getPartnerId());
        return partner == null ? java.util.List.of()
                : partner.getLanguages().stream().filter(Bundles.LANGUAGES::contains).distinct().toList();
    }

    /**
     * The referral, when the caller may see its case file; otherwise (no such referral, no need to know) the refusal,
     * audited, is all the caller learns.
     */
    private OpenReferral referralOnOpenCase(UserAccount caller, long referralId) {
        Referral r = referrals.find(referralId).orElse(null);
        if (r == null) {
            audit.recordIndependently(caller.getUsername(), AuditAction.DOSSIER_GENERATED, null,
                    AuditOutcome.DENIED, "not-found referral=" + referralId);
            throw new CaseAccessDenied();
        }
        return new OpenReferral(r, guard.open(caller, r.getCaseFileId(), AuditAction.DOSSIER_GENERATED));
    }

    private record OpenReferral(Referral referral, CaseFile caseFile) {
    }

    /** The referral dossier: the stored package (consented fields only), the partner, the purpose, our reference. */
    public Dossier referralDossier(long referralId, String language) {
        UserAccount caller = currentCaller.account();
        OpenReferral open = referralOnOpenCase(caller, referralId);
        Referral r = open.referral();
        CaseFile c = open.caseFile();
        ResourceBundle words = words(language);
        Labels labels = Labels.of(language);
        Instant now = Instant.now();
        ReferralPackage.Contents contents = ReferralPackage.Contents.parse(r.getSharedPackage());
        String partnerName = partners.nameOf(r.getPartnerId());
        try (PdfComposer pdf = new PdfComposer(String.format(words.getString("watermark"), caller.getUsername(),
                WHEN.format(now), String.format(words.getString("purpose.referral"), partnerName)),
                c.getReference(), Bundles.isRightToLeft(language))) {
            pdf.title(String.format(words.getString("title.referral"), c.getReference(), partnerName));
            pdf.field(words.getString("field.reference"), contents.caseReference());
            pdf.field(words.getString("field.partner"), partnerName);
            pdf.field(words.getString("field.purpose"), r.getPurpose());
            pdf.field(words.getString("field.sentAt"), labels.when(r.getSentAt()));
            pdf.heading(words.getString("section.shared"));
            for (ReferralPackage.Line line : contents.lines()) {
                pdf.field(words.getString("shared." + line.field().name()), shown(line, labels));
            }
            pdf.paragraph("");
            pdf.paragraph(words.getString("note.referral"));
            PdfComposer.Protected file = pdf.finish();
            audit.record(caller.getUsername(), AuditAction.DOSSIER_GENERATED, c.getId(),
                    "referral fields=" + contents.shared().size());
            return new Dossier(c.getReference() + "-referral-" + referralId + ".pdf", file);
        }
    }

    /**
     * The grant decision letter and disbursement record: the request, every decision with its reason, and every
     * payment. Payment references are printed for coordinators only (as on the grant page).
     */
    public Dossier grantRecord(long grantId, String language) {
        UserAccount caller = currentCaller.account();
        EmergencyGrant g = grants.find(grantId).orElse(null);
        if (g == null) {
            audit.recordIndependently(caller.getUsername(), AuditAction.DOSSIER_GENERATED, null,
                    AuditOutcome.DENIED, "not-found grant=" + grantId);
            throw new CaseAccessDenied();
        }
        CaseFile c = guard.open(caller, g.getCaseFileId(), AuditAction.DOSSIER_GENERATED);
        boolean coordinator = caller.hasRole(Role.COORDINATOR);
        ResourceBundle words = words(language);
        Labels labels = Labels.of(language);
        Instant now = Instant.now();
        try (PdfComposer pdf = new PdfComposer(String.format(words.getString("watermark"), caller.getUsername(),
                WHEN.format(now), words.getString("purpose.grant")), g.getReference(),
                Bundles.isRightToLeft(language))) {
            pdf.title(String.format(words.getString("title.grant"), g.getReference()));
            pdf.field(words.getString("field.reference"), c.getReference());
            pdf.field(words.getString("field.fund"), g.getFund().getName() + " (" + g.getFund().getCode() + ")");
            pdf.field(words.getString("field.category"), labels.of("grantCategory", g.getCategory()));
            pdf.field(words.getString("field.requested"), labels.money(g.getAmount(), g.getCurrency()));
            pdf.field(words.getString("field.recommendedBy"), g.getRecommendedBy() + " · "
                    + labels.when(g.getRecommendedAt()));
            pdf.field(words.getString("field.status"), labels.of("grantStatus", g.getStatus()));
            pdf.field(words.getString("field.approved"), g.getApprovedAmount() == null ? null
                    : labels.money(g.getApprovedAmount(), g.getCurrency())
                    + (g.getApprovedInFundCurrency() == null ? "" : " = "
                    + labels.money(g.getApprovedInFundCurrency(), g.getFund().getCurrency())));
            pdf.heading(words.getString("section.decisions"));
            for (var d : g.getDecisions()) {
                pdf.item(labels.when(d.getDecidedAt()) + " · " + d.getDecidedBy() + " · "
                        + labels.of("decisionKind", d.getKind())
                        + (d.getAmount() == null ? "" : " · " + labels.money(d.getAmount(), null))
                        + (d.getReason() == null ? "" : " · " + d.getReason()));
            }
            pdf.heading(words.getString("section.payments"));
            for (var p : g.getDisbursements()) {
                pdf.item("#" + p.getTranche() + " · " + labels.money(p.getAmount(), g.getFund().getCurrency())
                        + " · " + labels.of("disbursementMethod", p.getMethod()) + " · " + labels.day(p.getPaidOn())
                        + " · "
                        + p.getRecordedBy()
                        + (coordinator && p.getPaymentReference() != null ? " · " + p.getPaymentReference() : ""));
            }
            PdfComposer.Protected file = pdf.finish();
            audit.record(caller.getUsername(), AuditAction.DOSSIER_GENERATED, c.getId(), "grant-letter");
            return new Dossier(g.getReference() + "-record.pdf", file);
        }
    }

    /** A shared value as the partner reads it: names for codes, the rest as stored. */
    private static String shown(ReferralPackage.Line line, Labels labels) {
        return switch (line.field()) {
            case COUNTRY -> labels.country(line.value());
            case LANGUAGES -> labels.languages(List.of(line.value().split(",\\s*")));
            case SITUATION -> labels.of("situation", line.value());
            case REQUEST_TYPE -> labels.of("requestType", line.value());
            case RISK_LEVEL -> labels.of("risk", line.value());
            default -> line.value();
        };
    }

    /** The document's own words in {@code language} (one of the interface's; any other reads English). */
    private static ResourceBundle words(String language) {
        return Bundles.load("org.continuum.document.dossier", language);
    }

}
