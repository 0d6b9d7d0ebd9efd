package org.continuum.referral.view;

import org.continuum.referral.entity.ReferralOutcome;

import java.io.Serializable;

/** What the answer and outcome forms of the referral desk hold. */
public class FollowUpForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long answerReferralId;
    private boolean accepted = true;
    private String answerNote;
    private Long outcomeReferralId;
    private ReferralOutcome outcome;
    private String outcomeNote;

    public Long getAnswerReferralId() {
        return answerReferralId;
    }

    public void setAnswerReferralId(Long answerReferralId) {
        this.answerReferralId = answerReferralId;
    }

    public boolean isAccepted() {
        return accepted;
    }

    public void setAccepted(boolean accepted) {
        this.accepted = accepted;
    }

    public String getAnswerNote() {
        return answerNote;
    }

    public void setAnswerNote(String answerNote) {
        this.answerNote = answerNote;
    }

    public Long getOutcomeReferralId() {
        return outcomeReferralId;
    }

    public void setOutcomeReferralId(Long outcomeReferralId) {
        this.outcomeReferralId = outcomeReferralId;
    }

    public ReferralOutcome getOutcome() {
        return outcome;
    }

    public void setOutcome(ReferralOutcome outcome) {
        this.outcome = outcome;
    }

    public String getOutcomeNote() {
        return outcomeNote;
    }

    public void setOutcomeNote(String outcomeNote) {
        this.outcomeNote = outcomeNote;
    }
}
