package org.continuum.intake.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.continuum.platform.control.RowIdSequences;
import org.continuum.security.control.Sealed;
import org.continuum.security.control.SealedRecord;

import java.time.Instant;
import java.util.Objects;

/**
 * One message between the team and a person who asked through the public form, kept with their request: the person
 * reads and answers on the receipt page, staff on the case page. Sealed; never e-mailed; immutable once written.
 */
@Entity
@Table(name = "request_message")
public class RequestMessage implements SealedRecord {

    public enum Direction { TO_REQUESTER, FROM_REQUESTER }

    public static final int MAX_LENGTH = 5000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "request_message_ids")
    @SequenceGenerator(name = "request_message_ids", sequenceName = "request_message_ids", allocationSize = RowIdSequences.ALLOCATION)
    private Long id;

    @Column(name = "mail_intake_id", nullable = false, updatable = false)
    private Long requestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20, updatable = false)
    private Direction direction;

    @Column(length = 80, updatable = false)
    private String author;

    @Sealed
    @Column(name = "body_enc", nullable = false, updatable = false)
    private String text;

    @Column(name = "sent_at", nullable = false, updatable = false)
    private Instant sentAt;

    protected RequestMessage() {
    }

    private RequestMessage(long requestId, Direction direction, String author, String text, Instant sentAt) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new IllegalArgumentException("requesterMessage.empty");
        }
        if (body.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("requesterMessage.tooLong");
        }
        this.requestId = requestId;
        this.direction = direction;
        this.author = author;
        this.text = body;
        this.sentAt = Objects.requireNonNull(sentAt);
    }

    /** A staff member writes to the person. */
    public static RequestMessage toRequester(long requestId, String author, String text, Instant at) {
        return new RequestMessage(requestId, Direction.TO_REQUESTER, Objects.requireNonNull(author), text, at);
    }

    /** The person answers (no author: they have no account). */
    public static RequestMessage fromRequester(long requestId, String text, Instant at) {
        return new RequestMessage(requestId, Direction.FROM_REQUESTER, null, text, at);
    }

    public Long getId() {
        return id;
    }

    public Direction getDirection() {
        return direction;
    }

    public String getAuthor() {
        return author;
    }

    public String getText() {
        return text;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    @Override
    public String sealingScope() {
        return SealedRecord.draft(requestId);
    }
}
