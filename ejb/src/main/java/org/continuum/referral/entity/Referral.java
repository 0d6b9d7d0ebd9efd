package org.continuum.referral.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.continuum.casefile.entity.SharedField;
import org.continuum.platform.control.RowIdSequences;
import org.continuum.reference.entity.Partner;
import org.continuum.security.control.Sealed;
import org.continuum.security.control.SealedRecord;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A case file referred to a partner for a stated purpose. It keeps exactly what left the organisation (the shared
 * fields and the package as sent, sealed), to whom, when and through which channel, then the partner's answer and
 * the outcome. The loop is the point: a referral nobody follows up is a person left without help.
 */
@Entity
@Table(name = "referral")
public class Referral implements SealedRecord {

    public static final int TEXT_MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "referral_ids")
    @SequenceGenerator(name = "referral_ids", sequenceName = "referral_ids", allocationSize = RowIdSequences.ALLOCATION)
    private Long id;

    @Column(name = "casefile_id", nullable = false, updatable = false)
    private long caseFileId;

    /**
     * Which partner: sealed, since the partner a person was sent to can reveal who they are. Required when sent
     * (the constructor); cleared when the case file is erased.
     */
    @Sealed(number = true)
    @Column(name = "partner_enc", length = 400, updatable = false)
    private String partnerId;

    @Column(nullable = false, length = 60, updatable = false)
    private String purpose;

    @Column(name = "shared_fields", nullable = false, length = 400, updatable = false)
    private String sharedFields;

    @Sealed
    @Column(name = "package_enc", nullable = false, length = 16384, updatable = false)
    private String sharedPackage;

    @Sealed
    @Column(name = "message_enc", length = 8192, updatable = false)
    private String message;

    @Column(nullable = false, length = 300, updatable = false)
    private String channel;

    @Column(name = "sent_at", nullable = false, updatable = false)
    private Instant sentAt;

    @Column(name = "sent_by", nullable = false, length = 80, updatable = false)
    private String sentBy;

    @Column(name = "answer_due_at", nullable = false)
    private Instant answerDueAt;

    @Column(name = "answer_overdue", nullable = false)
    private boolean answerOverdue;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ReferralStatus status;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "answered_by", length = 80)
    private String answeredBy;

    @Sealed
    @Column(name = "answer_note_enc", length = 8192)
    private String answerNote;

    @Enumerated(EnumType.STRING)
    @Column(length = 30)
    private ReferralOutcome outcome;

    @Sealed
    @Column(name = "outcome_note_enc", length = 8192)
    private String outcomeNote;

    @Column(name = "outcome_at")
    private Instant outcomeAt;

    @Column(name = "outcome_by", length = 80)
    private String outcomeBy;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Version
    private long version;

    protected Referral() {
    }

    /** The package must already hold only consented fields (see {@code ReferralPackage}); this records it as sent. */
    public Referral(long caseFileId, Partner partner, String purpose, Set<SharedField> sharedFields,
                    String sharedPackage, String message, String channel, String sentBy, Instant sentAt,
                    Instant answerDueAt) {
        Objects.requireNonNull(partner, "referral.partner.required");
        if (!partner.isActive()) {
            throw new IllegalArgumentException("referral.partner.inactive");
        }
        if (purpose == null || !partner.getServices().contains(purpose)) {
            throw new IllegalArgumentException("referral.purpose.required");
        }
        if (sharedFields == null || sharedFields.isEmpty()) {
            throw new IllegalArgumentException("referral.fields.required");
        }
        if (channel == null || !partner.getContactChannels().contains(channel)) {
            throw new IllegalArgumentException("referral.channel.required");
        }
        if (answerDueAt == null || !answerDueAt.isAfter(sentAt)) {
            throw new IllegalArgumentException("referral.due.future");
        }
        this.caseFileId = caseFileId;
        this.partnerId = SealedRecord.text(partner.getId());
        this.purpose = purpose;
        this.sharedFields = SharedField.format(sharedFields);
        this.sharedPackage = Objects.requireNonNull(sharedPackage);
        this.message = limited(message, "referral.message.tooLong");
        this.channel = channel;
        this.sentBy = Objects.requireNonNull(sentBy);
        this.sentAt = Objects.requireNonNull(sentAt);
        this.answerDueAt = answerDueAt;
        this.status = ReferralStatus.SENT;
    }

    /** The partner answered: accepted (the outcome follows later) or declined (the loop ends here). */
    public void answer(boolean accepted, String note, String by, Instant at) {
        if (status != ReferralStatus.SENT) {
            throw new IllegalStateException("referral.notAwaitingAnswer");
        }
        this.status = accepted ? ReferralStatus.ACCEPTED : ReferralStatus.DECLINED;
        this.answerNote = limited(note, "referral.note.tooLong");
        this.answeredBy = Objects.requireNonNull(by);
        this.answeredAt = Objects.requireNonNull(at);
    }

    /** What the accepted referral brought; closes the loop. */
    public void recordOutcome(ReferralOutcome outcome, String note, String by, Instant at) {
        if (status != ReferralStatus.ACCEPTED) {
            throw new IllegalStateException("referral.notAccepted");
        }
        this.outcome = Objects.requireNonNull(outcome, "referral.outcome.required");
        this.outcomeNote = limited(note, "referral.note.tooLong");
        this.outcomeBy = Objects.requireNonNull(by);
        this.outcomeAt = Objects.requireNonNull(at);
        this.status = ReferralStatus.COMPLETED;
    }

    /** The answer is late; true only the first time, so a retried reminder job flags once. */
    public boolean markAnswerOverdue() {
        if (status != ReferralStatus.SENT || answerOverdue) {
            return false;
        }
        answerOverdue = true;
        return true;
    }

    public boolean isAwaitingAnswer() {
        return status == ReferralStatus.SENT;
    }

    public void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    private static String limited(String text, String tooLongKey) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.strip().length() > TEXT_MAX) {
            throw new IllegalArgumentException(tooLongKey);
        }
        return text.strip();
    }

    public Long getId() {
        return id;
    }

    public long getCaseFileId() {
        return caseFileId;
    }

    /** The partner referred to; nothing once the case file was erased. */
    public Long getPartnerId() {
        return SealedRecord.number(partnerId);
    }

    public String getPurpose() {
        return purpose;
    }

    public Set<SharedField> getSharedFields() {
        return SharedField.parse(sharedFields);
    }

    public String getSharedPackage() {
        return sharedPackage;
    }

    public String getMessage() {
        return message;
    }

    public String getChannel() {
        return channel;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public String getSentBy() {
        return sentBy;
    }

    public Instant getAnswerDueAt() {
        return answerDueAt;
    }

    public boolean isAnswerOverdue() {
        return answerOverdue;
    }

    public ReferralStatus getStatus() {
        return status;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public String getAnsweredBy() {
        return answeredBy;
    }

    public String getAnswerNote() {
        return answerNote;
    }

    public ReferralOutcome getOutcome() {
        return outcome;
    }

    public String getOutcomeNote() {
        return outcomeNote;
    }

    public Instant getOutcomeAt() {
        return outcomeAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    @Override
    public String sealingScope() {
        return SealedRecord.caseFile(caseFileId);
    }
}
