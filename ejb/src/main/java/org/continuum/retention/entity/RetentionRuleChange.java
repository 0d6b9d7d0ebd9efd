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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A retention rule's new figures, proposed by one administrator with a reason and applied or rejected by another:
 * how long the organisation keeps what it knows about people is never one person's decision.
 */
@Entity
@Table(name = "retention_rule_change")
public class RetentionRuleChange implements SealedRecord {

    /** At most a century: a longer figure is a typing mistake. */
    public static final int MAX_DAYS = 36_500;

    public enum State { PROPOSED, APPLIED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "retention_rule_change_ids")
    @SequenceGenerator(name = "retention_rule_change_ids", sequenceName = "retention_rule_change_ids", allocationSize = RowIdSequences.ALLOCATION)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "rule_code", nullable = false, length = 40, updatable = false)
    private RetentionRule.Code rule;

    @Column(name = "keep_days", nullable = false, updatable = false)
    private int keepDays;

    @Column(name = "extension_days", nullable = false, updatable = false)
    private int extensionDays;

    @Column(name = "grace_days", nullable = false, updatable = false)
    private int graceDays;

    @Sealed
    @Column(name = "reason_enc", nullable = false, updatable = false)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private State state;

    @Column(name = "proposed_by", nullable = false, length = 80, updatable = false)
    private String proposedBy;

    @Column(name = "proposed_at", nullable = false, updatable = false)
    private Instant proposedAt;

    @Column(name = "decided_by", length = 80)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Version
    private long version;

    protected RetentionRuleChange() {
    }

    /** What is wrong with a proposal, one message key per problem; empty when it may be proposed. */
    public static List<String> problems(RetentionRule.Code rule, Integer keepDays, Integer extensionDays,
                                        Integer graceDays, String reason) {
        List<String> problems = new ArrayList<>();
        if (rule == null) {
            problems.add("retention.rule.required");
        }
        if (keepDays == null || keepDays < 1 || keepDays > MAX_DAYS) {
            problems.add("retention.keepDays.invalid");
        }
        if (extensionDays == null || extensionDays < 0 || extensionDays > MAX_DAYS) {
            problems.add("retention.extensionDays.invalid");
        }
        if (graceDays == null || graceDays < 0 || graceDays > MAX_DAYS) {
            problems.add("retention.graceDays.invalid");
        }
        try {
            CaseRetention.reason(reason);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    /** A proposal; refused (its first problem) unless {@link #problems} is empty. */
    public static RetentionRuleChange proposed(RetentionRule.Code rule, Integer keepDays, Integer extensionDays,
                                               Integer graceDays, String reason, String by, Instant now) {
        List<String> problems = problems(rule, keepDays, extensionDays, graceDays, reason);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0));
        }
        String why = CaseRetention.reason(reason);
        RetentionRuleChange change = new RetentionRuleChange();
        change.rule = rule;
        change.keepDays = keepDays;
        change.extensionDays = extensionDays;
        change.graceDays = graceDays;
        change.reason = why;
        change.state = State.PROPOSED;
        change.proposedBy = Objects.requireNonNull(by);
        change.proposedAt = now;
        return change;
    }

    /** Another administrator applies or rejects; applied, the rule takes the proposed figures. */
    public void decide(boolean apply, RetentionRule target, String by, Instant now) {
        if (state != State.PROPOSED) {
            throw new IllegalStateException("retention.change.decided");
        }
        if (proposedBy.equals(by)) {
            throw new IllegalArgumentException("retention.change.ownProposal");
        }
        if (apply) {
            target.change(keepDays, extensionDays, graceDays, by, now);
        }
        this.state = apply ? State.APPLIED : State.REJECTED;
        this.decidedBy = by;
        this.decidedAt = now;
    }

    public Long getId() {
        return id;
    }

    public RetentionRule.Code getRule() {
        return rule;
    }

    public int getKeepDays() {
        return keepDays;
    }

    public int getExtensionDays() {
        return extensionDays;
    }

    public int getGraceDays() {
        return graceDays;
    }

    public String getReason() {
        return reason;
    }

    public State getState() {
        return state;
    }

    public String getProposedBy() {
        return proposedBy;
    }

    public Instant getProposedAt() {
        return proposedAt;
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
