package org.continuum.intake.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.casefile.control.TaskKind;
import org.continuum.casefile.view.TaskForm;
import org.continuum.casefile.entity.Channel;
import org.continuum.casefile.entity.ConsentPurpose;
import org.continuum.casefile.entity.VerificationMethod;
import org.continuum.intake.boundary.TriageService;
import org.continuum.platform.view.Messages;
import org.continuum.reference.boundary.ReferenceData;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The verification form ({@code app/tasks/verify.xhtml}): identity and story, consents per purpose, a referral. */
@Named
@ViewScoped
public class VerifyTaskView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TaskForm form;

    @Inject
    TriageService triage;

    @Inject
    ReferenceData reference;

    private Boolean verified;
    private VerificationMethod method;
    private List<Long> sharingPartners = new ArrayList<>();
    private List<Channel> safeChannels = new ArrayList<>();
    private Long referralPartnerId;
    private List<ReferenceData.PartnerOption> partners = List.of();

    public void load() {
        if (form.load(TaskKind.VERIFY)) {
            partners = reference.partners();
        }
    }

    public void complete() {
        if (verified == null) {
            Messages.error("verification.verified.required");
            return;
        }
        form.complete(() -> triage.verify(form.id(), new TriageService.VerificationDecision(verified, method,
                form.getNote(), consents(), referralPartnerId)));
    }

    private List<TriageService.ConsentChoice> consents() {
        List<TriageService.ConsentChoice> choices = new ArrayList<>();
        sharingPartners.forEach(p -> choices.add(new TriageService.ConsentChoice(ConsentPurpose.SHARE_WITH_PARTNER,
                p, null, true)));
        safeChannels.forEach(c -> choices.add(new TriageService.ConsentChoice(ConsentPurpose.CONTACT_BY_CHANNEL,
                null, c, true)));
        return choices;
    }

    public TaskForm getForm() { return form; }
    public Boolean getVerified() { return verified; }
    public void setVerified(Boolean verified) { this.verified = verified; }
    public VerificationMethod getMethod() { return method; }
    public void setMethod(VerificationMethod method) { this.method = method; }
    public List<Long> getSharingPartners() { return sharingPartners; }
    public void setSharingPartners(List<Long> sharingPartners) { this.sharingPartners = sharingPartners; }
    public List<Channel> getSafeChannels() { return safeChannels; }
    public void setSafeChannels(List<Channel> safeChannels) { this.safeChannels = safeChannels; }
    public Long getReferralPartnerId() { return referralPartnerId; }
    public void setReferralPartnerId(Long referralPartnerId) { this.referralPartnerId = referralPartnerId; }
    public List<ReferenceData.PartnerOption> getPartners() { return partners; }
    public VerificationMethod[] getMethods() { return VerificationMethod.values(); }
}
