package org.continuum.referral.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.reference.control.Partners;
import org.continuum.audit.entity.AuditAction;
import org.continuum.casefile.control.CaseEvents;
import org.continuum.casefile.control.CaseFiles;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.notification.entity.NotificationKind;
import org.continuum.platform.control.Roles;
import org.continuum.referral.control.Referrals;
import org.continuum.referral.entity.Referral;

import java.util.ArrayList;
import java.util.List;

/** What the referral process tells the domain on its own (the answer-due timer), running as {@link Roles#SYSTEM}. */
@Stateless
@RolesAllowed(Roles.SYSTEM)
public class ReferralProcessCallbacks {

    @Inject
    Referrals referrals;

    @Inject
    Partners partners;

    @Inject
    CaseFiles caseFiles;

    @Inject
    CaseEvents events;

    /**
     * The partner has not answered in time: the team is reminded once (a retried job changes nothing). A case file
     * erased meanwhile is not reminded of: nothing of it may be written again (its data key is gone).
     */
    public void answerOverdue(long referralId) {
        Referral referral = referrals.find(referralId).orElse(null);
        if (referral == null) {
            return;
        }
        CaseFile caseFile = caseFiles.get(referral.getCaseFileId());
        if (caseFile.isErased() || !referral.markAnswerOverdue()) {
            return;
        }
        events.recordBySystem(caseFile, CaseEventKind.REFERRAL_ANSWER_OVERDUE,
                "partner=" + partners.codeOf(referral.getPartnerId()), AuditAction.REFERRAL_ANSWER_OVERDUE,
                "answer-overdue");
        List<String> who = new ArrayList<>(List.of(referral.getSentBy()));
        if (caseFile.getAssignedMentor() != null) {
            who.add(caseFile.getAssignedMentor().getUsername());
        }
        events.notifyUsers(NotificationKind.REFERRAL_ANSWER_OVERDUE, caseFile, who, "referral=" + referralId);
    }
}
