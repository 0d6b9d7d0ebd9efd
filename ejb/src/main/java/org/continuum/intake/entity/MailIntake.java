package org.continuum.intake.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.continuum.identity.entity.Team;
import org.continuum.platform.control.RowIdSequences;
import org.continuum.security.control.FieldCipher;
import org.continuum.security.control.Sealed;
import org.continuum.security.control.SealedRecord;

import java.time.Instant;
import java.util.Objects;

/**
 * One request in a team's intake queue: a message of the intake mailbox or a request sent through the public request
 * form ({@link Channel}). A draft is for the team's caseworkers to register as an intake or dismiss; a quarantine
 * record keeps the reason a message was refused. Sender, subject, text and a web request's answers are sealed;
 * {@code digest} (of the raw message, or of the form's one-time token) makes a request that arrives twice land once.
 * A web request also holds its receipt code as a keyed index and a slow salted hash, never in clear.
 */
@Entity
@Table(name = "mail_intake")
public class MailIntake implements SealedRecord {

    public enum Status { DRAFT, QUARANTINED, CONVERTED, DISMISSED }

    /** Where the request came from. */
    public enum Channel { EMAIL, WEB_FORM }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_intake_ids")
    @SequenceGenerator(name = "mail_intake_ids", sequenceName = "mail_intake_ids", allocationSize = RowIdSequences.ALLOCATION)
    private Long id;

    @Column(nullable = false, unique = true, length = 64, updatable = false)
    private String digest;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "team_id", nullable = false, updatable = false)
    private Team team;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(name = "quarantine_reason", length = 60, updatable = false)
    private String quarantineReason;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Sealed
    @Column(name = "sender_enc", length = 2048, updatable = false)
    private String sender;

    @Column(name = "sender_index", length = 64, updatable = false)
    private String senderIndex;

    @Sealed
    @Column(name = "subject_enc", length = 4096, updatable = false)
    private String subject;

    @Sealed
    @Column(name = "body_enc", updatable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20, updatable = false)
    private Channel channel = Channel.EMAIL;

    @Sealed
    @Column(name = "details_enc", updatable = false)
    private String details;

    @Column(name = "receipt_index", length = 64, updatable = false)
    private String receiptIndex;

    /**
     * The blind-index key that computed {@code receiptIndex} (null for codes made before this column). Both change
     * only through {@code MailIntakes.receiptIndexed}, by SQL, so a loaded request never writes an old index back.
     */
    @Column(name = "receipt_index_key", updatable = false)
    private Integer receiptIndexKey;

    @Column(name = "receipt_hash", length = 400, updatable = false)
    private String receiptHash;

    @Column(name = "attachment_count", nullable = false, updatable = false)
    private int attachmentCount;

    @Column(name = "casefile_id")
    private Long caseFileId;

    @Column(name = "handled_by", length = 80)
    private String handledBy;

    @Column(name = "handled_at")
    private Instant handledAt;

    @Version
    private long version;

    protected MailIntake() {
    }

    public MailIntake(String digest, Team team, Instant receivedAt, long sizeBytes, String quarantineReason,
                      String sender, String senderIndex, String subject, String body, int attachmentCount,
                      Long linkedCaseFileId) {
        this.digest = Objects.requireNonNull(digest);
        this.team = Objects.requireNonNull(team);
        this.receivedAt = Objects.requireNonNull(receivedAt);
        this.sizeBytes = sizeBytes;
        this.quarantineReason = quarantineReason;
        this.status = quarantineReason == null ? Status.DRAFT : Status.QUARANTINED;
        this.sender = sender;
        this.senderIndex = senderIndex;
        this.subject = subject;
        this.body = body;
        this.attachmentCount = attachmentCount;
        this.caseFileId = linkedCaseFileId;
    }

    /**
     * A request sent through the public form: {@code name} is how the person asked to be called, {@code text} what
     * they wrote about their situation, {@code details} their other answers (as the form's own record).
     */
    public static MailIntake webRequest(String digest, Team team, Instant receivedAt, String name, String text,
                                        String details, int attachments, FieldCipher.Index receiptIndex,
                                        String receiptHash) {
        MailIntake request = new MailIntake(digest, team, receivedAt,
                (long) (text.length() + name.length() + details.length()), null, name, null, null, text, attachments,
                null);
        request.channel = Channel.WEB_FORM;
        request.details = Objects.requireNonNull(details);
        request.receiptIndex = receiptIndex.value();
        request.receiptIndexKey = receiptIndex.key();
        request.receiptHash = Objects.requireNonNull(receiptHash);
        return request;
    }

    /** The draft became the case file {@code caseFileId} through the intake form. */
    public void converted(long caseFileId, String by, Instant at) {
        if (status != Status.DRAFT) {
            throw new IllegalStateException("mailIntake.notDraft");
        }
        this.status = Status.CONVERTED;
        this.caseFileId = caseFileId;
        this.handledBy = by;
        this.handledAt = at;
    }

    /** Nothing to register (spam, a duplicate already handled, a message for another organisation). */
    public void dismiss(String by, Instant at) {
        if (status != Status.DRAFT && status != Status.QUARANTINED) {
            throw new IllegalStateException("mailIntake.notDraft");
        }
        this.status = Status.DISMISSED;
        this.handledBy = by;
        this.handledAt = at;
    }

    public boolean belongsTo(Team other) {
        return other != null && team.getId().equals(other.getId());
    }

    public Long getId() {
        return id;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Status getStatus() {
        return status;
    }

    public String getQuarantineReason() {
        return quarantineReason;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSender() {
        return sender;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getDetails() {
        return details;
    }

    public String getReceiptIndex() {
        return receiptIndex;
    }

    public String getReceiptHash() {
        return receiptHash;
    }

    public int getAttachmentCount() {
        return attachmentCount;
    }

    public Long getCaseFileId() {
        return caseFileId;
    }

    public String getHandledBy() {
        return handledBy;
    }

    @Override
    public String sealingScope() {
        return SealedRecord.draft(id);
    }
}
