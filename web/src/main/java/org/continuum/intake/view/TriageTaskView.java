package org.continuum.intake.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.casefile.control.TaskKind;
import org.continuum.casefile.view.TaskForm;
import org.continuum.casefile.boundary.TaskInboxService;
import org.continuum.casefile.entity.DuplicateDecision;
import org.continuum.casefile.entity.Urgency;
import org.continuum.identity.entity.Role;
import org.continuum.intake.boundary.TriageService;
import org.continuum.platform.view.Messages;
import org.continuum.reference.boundary.ReferenceData;

import java.io.Serializable;
import java.util.List;

/** The triage form ({@code app/tasks/triage.xhtml}): eligibility, urgency, duplicates, mentor, a referral. */
@Named
@ViewScoped
public class TriageTaskView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TaskForm form;

    @Inject
    TaskInboxService inbox;

    @Inject
    TriageService triage;

    @Inject
    ReferenceData reference;

    private Boolean eligible;
    private Urgency urgency;
    private DuplicateDecision duplicate = DuplicateDecision.NEW;
    private Long otherCaseFileId;
    private String mentor;
    private Long referralPartnerId;
    private List<TriageService.DuplicateCandidate> duplicates = List.of();
    private List<TaskInboxService.StaffMember> mentors = List.of();
    private List<ReferenceData.PartnerOption> partners = List.of();

    public void load() {
        if (form.load(TaskKind.TRIAGE)) {
            urgency = form.getTask().urgency();
            duplicates = triage.possibleDuplicates(form.id());
            mentors = inbox.teamMembers(Role.SECURITY_MENTOR);
            partners = reference.partners();
        }
    }

    public void complete() {
        if (eligible == null) {
            Messages.error("triage.eligible.required");
            return;
        }
        form.complete(() -> triage.complete(form.id(), new TriageService.TriageDecision(eligible, urgency,
                form.getNote(), duplicate, otherCaseFileId, mentor, referralPartnerId)));
    }

    public TaskForm getForm() { return form; }
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
    public List<ReferenceData.PartnerOption> getPartners() { return partners; }
    public DuplicateDecision[] getDuplicateDecisions() { return DuplicateDecision.values(); }
}
