package org.continuum.referral.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.casefile.control.Timeline;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.identity.entity.Roles;
import org.continuum.referral.entity.Referral;

/** What the referral process tells the domain on its own (the answer-due timer), running as {@link Roles#SYSTEM}. */
@Stateless
@RolesAllowed(Roles.SYSTEM)
public class ReferralGate {

    static final String SYSTEM_ACTOR = "system";

    @PersistenceContext
    EntityManager em;

    @Inject
    Timeline timeline;

    @Inject
    AuditTrail audit;

    @Inject
    org.continuum.notification.control.Notifier notifier;

    /** The partner has not answered in time: the team is reminded once (a retried job changes nothing). */
    public void answerOverdue(long referralId) {
        Referral referral = em.find(Referral.class, referralId);
        if (referral == null || !referral.markAnswerOverdue()) {
            return;
        }
        CaseFile caseFile = em.find(CaseFile.class, referral.getCaseFileId());
        timeline.record(caseFile, SYSTEM_ACTOR, CaseEventKind.REFERRAL_ANSWER_OVERDUE,
                "partner=" + referral.getPartner().getCode(), null);
        audit.record(SYSTEM_ACTOR, AuditAction.REFERRAL_ANSWER_OVERDUE, caseFile.getId(),
                "referral=" + referralId);
        java.util.List<String> who = new java.util.ArrayList<>(java.util.List.of(referral.getSentBy()));
        if (caseFile.getAssignedMentor() != null) {
            who.add(caseFile.getAssignedMentor().getUsername());
        }
        notifier.notify(org.continuum.notification.entity.NotificationKind.REFERRAL_ANSWER_OVERDUE, caseFile, notifier.byUsername(who),
                "referral=" + referralId);
    }
}
