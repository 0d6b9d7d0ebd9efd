package org.continuum.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.Objects;

/**
 * One audit event. Immutable once written: there is no setter and Hibernate never issues an update for it.
 * {@code detail} is a short machine-readable reason (for example {@code other-team}), never user-typed text.
 */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent implements Serializable {

    public static final int DETAIL_MAX = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 80, updatable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 60, updatable = false)
    private AuditAction action;

    @Column(name = "casefile_id", updatable = false)
    private Long caseFileId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20, updatable = false)
    private AuditOutcome outcome;

    @Column(length = DETAIL_MAX, updatable = false)
    private String detail;

    protected AuditEvent() {
    }

    public AuditEvent(Instant occurredAt, String actor, AuditAction action, Long caseFileId, AuditOutcome outcome,
                      String detail) {
        this.occurredAt = Objects.requireNonNull(occurredAt);
        this.actor = actor == null || actor.isBlank() ? "anonymous" : truncate(actor, 80);
        this.action = Objects.requireNonNull(action);
        this.caseFileId = caseFileId;
        this.outcome = Objects.requireNonNull(outcome);
        if (detail != null && !detail.matches("[A-Za-z0-9 ._:=,/~-]*")) {
            throw new IllegalArgumentException("audit detail must be a short code, not free text");
        }
        this.detail = detail == null ? null : truncate(detail, DETAIL_MAX);
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public AuditAction getAction() {
        return action;
    }

    public Long getCaseFileId() {
        return caseFileId;
    }

    public AuditOutcome getOutcome() {
        return outcome;
    }

    public String getDetail() {
        return detail;
    }
}
