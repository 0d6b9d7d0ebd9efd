package org.continuum.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One mail to one staff member, kept until the mail server accepted it. It holds no personal data of a requester:
 * the kind, the case reference and a link are all a mail may say. The Message-ID is fixed at creation, so a resend
 * after a crash carries the same id and the receiving side can tell it is the same message.
 */
@Entity
@Table(name = "notification")
public class Notification {

    /** A claim older than this is taken for a worker that died mid-send: the message is tried again. */
    public static final Duration STALE_CLAIM = Duration.ofMinutes(2);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "message_id", nullable = false, unique = true, length = 120, updatable = false)
    private String messageId;

    @Column(name = "dedup_key", nullable = false, unique = true, length = 200, updatable = false)
    private String dedupKey;

    @Column(nullable = false, length = 80, updatable = false)
    private String recipient;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40, updatable = false)
    private NotificationKind kind;

    @Column(name = "casefile_id", updatable = false)
    private Long caseFileId;

    /** The case reference, or for an audit-chain notice the chain head ({@code position:hash}). */
    @Column(name = "case_reference", length = 100, updatable = false)
    private String caseReference;

    @Column(nullable = false, length = 300, updatable = false)
    private String link;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private NotificationStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    @Column(name = "last_error", length = 200)
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Version
    private long version;

    protected Notification() {
    }

    public Notification(NotificationKind kind, String recipient, Long caseFileId, String caseReference, String link,
                        String dedupKey, String mailDomain, Instant now) {
        this.kind = Objects.requireNonNull(kind);
        this.recipient = Objects.requireNonNull(recipient);
        this.caseFileId = caseFileId;
        this.caseReference = caseReference;
        this.link = Objects.requireNonNull(link);
        this.dedupKey = Objects.requireNonNull(dedupKey);
        this.messageId = "<" + UUID.randomUUID() + "@" + mailDomain + ">";
        this.status = NotificationStatus.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /** Whether the worker may take it now: due and pending, or claimed by a worker that did not come back. */
    public boolean isDue(Instant now) {
        return status == NotificationStatus.PENDING && !nextAttemptAt.isAfter(now)
                || status == NotificationStatus.SENDING && claimedAt != null
                && claimedAt.plus(STALE_CLAIM).isBefore(now);
    }

    public void claim(Instant now) {
        if (!isDue(now)) {
            throw new IllegalStateException("notification.notDue");
        }
        status = NotificationStatus.SENDING;
        claimedAt = now;
        attempts++;
    }

    public void delivered(Instant now) {
        status = NotificationStatus.SENT;
        sentAt = now;
        lastError = null;
    }

    /** The attempt failed: back to pending after a backoff that doubles up to {@code maxBackoff}. */
    public void failed(String error, Duration firstBackoff, Duration maxBackoff, Instant now) {
        if (status == NotificationStatus.SENT) {
            return;
        }
        status = NotificationStatus.PENDING;
        claimedAt = null;
        lastError = error == null ? null : error.substring(0, Math.min(200, error.length()));
        nextAttemptAt = now.plus(backoff(attempts, firstBackoff, maxBackoff));
    }

    /** 1st failure → first, then doubling, never above max. */
    public static Duration backoff(int attempts, Duration first, Duration max) {
        Duration wait = first;
        for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /** An administrator asks for an attempt now (after fixing the mail server, say). */
    public void retryNow(Instant now) {
        if (status == NotificationStatus.PENDING) {
            nextAttemptAt = now;
        }
    }

    public Long getId() {
        return id;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getRecipient() {
        return recipient;
    }

    public NotificationKind getKind() {
        return kind;
    }

    public Long getCaseFileId() {
        return caseFileId;
    }

    public String getCaseReference() {
        return caseReference;
    }

    public String getLink() {
        return link;
    }

    public NotificationStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
