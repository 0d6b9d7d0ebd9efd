package org.continuum.referral.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.platform.view.ViewActions;
import org.continuum.platform.control.CaseAccessDenied;
import org.continuum.platform.control.InvalidInput;
import org.continuum.casefile.entity.SharedField;
import org.continuum.platform.view.Messages;
import org.continuum.referral.boundary.ReferralService;
import org.continuum.referral.control.ReferralPackage;
import org.continuum.referral.entity.ReferralOutcome;
import org.continuum.referral.entity.ReferralStatus;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The referral desk of one case ({@code case} view parameter): partners that fit, consent per partner and field,
 * the referral form, what was shared, and the partner's answer and outcome. Every action goes through
 * {@link ReferralService}, which checks need to know and audits.
 */
@Named
@ViewScoped
public class ReferralDeskView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ReferralService referrals;

    private String caseId;
    private ReferralService.Desk desk;

    private String targeted = "";

    private final ConsentForm consent = new ConsentForm();
    private final ReferralForm referral = new ReferralForm();
    private final FollowUpForm followUp = new FollowUpForm();
    private ReferralService.SentReferral sent;

    public void load() {
        if (!ViewActions.load("case.notAvailable", caseId, id -> {
            desk = referrals.desk(id);
            Boolean t = desk.profile().targetedForWork();
            targeted = t == null ? "" : t.toString();
        })) {
            desk = null;
        }
    }

    private void run(Runnable action, String done) {
        if (desk == null) {
            return;
        }
        try {
            action.run();
            Messages.info(done);
            load();
        } catch (InvalidInput refused) {
            Messages.errors(refused.messageKeys().stream().map(ReferralDeskView::withFieldLabel).toList());
        } catch (CaseAccessDenied denied) {
            Messages.error("case.notAvailable");
        }
    }

    /** {@code referral.field.noConsent:LEGAL_NAME} names the field in the reader's language. */
    private static String withFieldLabel(String key) {
        String prefix = "referral.field.noConsent:";
        return key.startsWith(prefix) ? prefix + Messages.text("sharedField." + key.substring(prefix.length())) : key;
    }

    public void saveProfile() {
        run(() -> referrals.recordTargetedForWork(desk.caseFileId(),
                targeted == null || targeted.isEmpty() ? null : Boolean.valueOf(targeted)), "referral.profile.saved");
    }

    public void recordConsent() {
        run(() -> referrals.recordConsent(desk.caseFileId(), consent.getPartnerId(), toFields(consent.getFields()),
                consent.isGranted()), "referral.consent.saved");
    }

    public void refer() {
        run(() -> {
            ReferralForm f = referral;
            sent = referrals.refer(desk.caseFileId(), new ReferralService.ReferralRequest(f.getPartnerId(),
                    f.getPurpose(), toFields(f.getFields()), f.getChannel(), f.getMessage(), f.getAnswerDueOn()));
            f.setMessage(null);
            f.setFields(new ArrayList<>());
        }, "referral.sent.ok");
    }

    public void recordAnswer() {
        FollowUpForm f = followUp;
        run(() -> referrals.recordAnswer(f.getAnswerReferralId() == null ? -1 : f.getAnswerReferralId(),
                f.isAccepted(), f.getAnswerNote()), "referral.answer.saved");
        f.setAnswerNote(null);
    }

    public void recordOutcome() {
        FollowUpForm f = followUp;
        run(() -> referrals.recordOutcome(f.getOutcomeReferralId() == null ? -1 : f.getOutcomeReferralId(),
                f.getOutcome(), f.getOutcomeNote()), "referral.outcome.saved");
        f.setOutcomeNote(null);
    }

    private static Set<SharedField> toFields(List<String> names) {
        Set<SharedField> set = EnumSet.noneOf(SharedField.class);
        if (names != null) {
            names.forEach(n -> set.addAll(SharedField.parse(n)));
        }
        return set;
    }

    /** The chosen partner of the referral form, to offer its services and channels. */
    public ReferralService.PartnerCard getChosenPartner() {
        Long partnerId = referral.getPartnerId();
        if (desk == null || partnerId == null) {
            return null;
        }
        return desk.partners().stream().filter(p -> p.id() == partnerId).findFirst().orElse(null);
    }

    public List<ReferralService.ReferralRow> getAwaitingAnswer() {
        return desk == null ? List.of() : desk.referrals().stream()
                .filter(r -> r.status() == ReferralStatus.SENT).toList();
    }

    public List<ReferralService.ReferralRow> getAwaitingOutcome() {
        return desk == null ? List.of() : desk.referrals().stream()
                .filter(r -> r.status() == ReferralStatus.ACCEPTED).toList();
    }

    public SharedField[] getAllFields() {
        return SharedField.values();
    }

    public ReferralOutcome[] getOutcomes() {
        return ReferralOutcome.values();
    }

    /** A hint or field label in the reader's language ({@code key:argument} keys have their argument put in). */
    public String text(String key) {
        return Messages.format(key);
    }

    public String fieldNames(Set<SharedField> set) {
        return set == null || set.isEmpty() ? "—" : String.join(", ", set.stream().sorted()
                .map(f -> Messages.text("sharedField." + f.name())).toList());
    }

    public List<ReferralPackage.Line> getSentLines() {
        return sent == null ? List.of() : sent.shared();
    }

    public String getCaseId() {
        return caseId;
    }

    public void setCaseId(String caseId) {
        this.caseId = caseId;
    }

    public ReferralService.Desk getDesk() {
        return desk;
    }

    public ReferralService.SentReferral getSent() {
        return sent;
    }

    public String getTargeted() {
        return targeted;
    }

    public void setTargeted(String targeted) {
        this.targeted = targeted;
    }

    public ConsentForm getConsent() {
        return consent;
    }

    public ReferralForm getReferral() {
        return referral;
    }

    public FollowUpForm getFollowUp() {
        return followUp;
    }
}
