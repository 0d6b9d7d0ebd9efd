package org.continuum.retention.entity;

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
import org.continuum.platform.control.RowIdSequences;
import org.continuum.security.control.Sealed;
import org.continuum.security.control.SealedRecord;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the erasure register. A coordinator's request (with a sealed reason) waits for a second
 * coordinator's decision; a retention rule's erasure is done at once by the daily job. What stays is the subject's
 * reference, the rule or the request, who decided and when: the retention report for auditors.
 */
@Entity
@Table(name = "erasure")
public class Erasure implements SealedRecord {

    public enum Subject { CASE_FILE, MAIL_DRAFT }

    public enum State { REQUESTED, REJECTED, DONE }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "erasure_ids")
    @SequenceGenerator(name = "erasure_ids", sequenceName = "erasure_ids", allocationSize = RowIdSequences.ALLOCATION)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20, updatable = false)
    private Subject subject;

    @Column(name = "subject_ref", nullable = false, length = 40, updatable = false)
    private String subjectRef;

    @Column(name = "casefile_id", updatable = false)
    private Long caseFileId;

    @Enumerated(EnumType.STRING)
    @Column(name = "rule_code", length = 40, updatable = false)
    private RetentionRule.Code rule;

    @Sealed
    @Column(name = "reason_enc")
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private State state;

    @Column(name = "requested_by", nullable = false, length = 80, updatable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(name = "decided_by", length = 80)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Version
    private long version;

    protected Erasure() {
    }

    private Erasure(Subject subject, String subjectRef, Long caseFileId, RetentionRule.Code rule, String reason,
                    State state, String requestedBy, Instant at) {
        this.subject = subject;
        this.subjectRef = subjectRef;
        this.caseFileId = caseFileId;
        this.rule = rule;
        this.reason = reason;
        this.state = state;
        this.requestedBy = requestedBy;
        this.requestedAt = at;
        if (state == State.DONE) {
            this.decidedBy = requestedBy;
            this.decidedAt = at;
        }
    }

    /** A coordinator asks for a case file to be erased before its time; another coordinator decides. */
    public static Erasure requested(long caseFileId, String reference, String reason, String by, Instant now) {
        return new Erasure(Subject.CASE_FILE, reference, caseFileId, null, CaseRetention.reason(reason),
                State.REQUESTED, Objects.requireNonNull(by), now);
    }

    /** A retention rule erased this at {@code now}. */
    public static Erasure byRule(Subject subject, String ref, Long caseFileId, RetentionRule.Code rule, Instant now) {
        return new Erasure(subject, ref, caseFileId, Objects.requireNonNull(rule), null, State.DONE, "system", now);
    }

    /** The second coordinator's decision: never the requester's own. The request's reason is kept either way. */
    public void decide(boolean erase, String by, Instant now) {
        if (state != State.REQUESTED) {
            throw new IllegalStateException("retention.erasure.decided");
        }
        if (requestedBy.equals(by)) {
            throw new IllegalArgumentException("retention.erasure.ownRequest");
        }
        this.state = erase ? State.DONE : State.REJECTED;
        this.decidedBy = by;
        this.decidedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Subject getSubject() {
        return subject;
    }

    public String getSubjectRef() {
        return subjectRef;
    }

    public Long getCaseFileId() {
        return caseFileId;
    }

    public RetentionRule.Code getRule() {
        return rule;
    }

    public String getReason() {
        return reason;
    }

    public State getState() {
        return state;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    @Override
    public String sealingScope() {
        return GENERAL;
    }
}
