package org.continuum.referral.view;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What the referral form holds: partner, purpose, channel, fields to share, message, answer due date. */
public class ReferralForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long partnerId;
    private String purpose;
    private String channel;
    private List<String> fields = new ArrayList<>();
    private String message;
    private LocalDate answerDueOn;

    public Long getPartnerId() {
        return partnerId;
    }

    public void setPartnerId(Long partnerId) {
        this.partnerId = partnerId;
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public List<String> getFields() {
        return fields;
    }

    public void setFields(List<String> fields) {
        this.fields = fields;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public LocalDate getAnswerDueOn() {
        return answerDueOn;
    }

    public void setAnswerDueOn(LocalDate answerDueOn) {
        this.answerDueOn = answerDueOn;
    }
}
