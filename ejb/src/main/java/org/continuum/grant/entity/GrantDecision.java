package org.continuum.grant.entity;

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
import org.continuum.platform.control.RowIdSequences;
import org.continuum.security.control.Sealed;
import org.continuum.security.control.SealedRecord;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One coordinator's decision on a grant, kept forever: who, when, what, why, and their declaration of no conflict of
 * interest. The database refuses a decision by the recommender and a second decision by the same person.
 */
@Entity
@Table(name = "grant_decision")
public class GrantDecision implements SealedRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "grant_decision_ids")
    @SequenceGenerator(name = "grant_decision_ids", sequenceName = "grant_decision_ids", allocationSize = RowIdSequences.ALLOCATION)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "grant_id", nullable = false, updatable = false)
    private EmergencyGrant grant;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20, updatable = false)
    private DecisionKind kind;

    @Column(name = "decided_by", nullable = false, length = 80, updatable = false)
    private String decidedBy;

    @Column(name = "recommended_by", nullable = false, length = 80, updatable = false)
    private String recommendedBy;

    @Column(name = "decided_at", nullable = false, updatable = false)
    private Instant decidedAt;

    @Column(precision = 14, scale = 2, updatable = false)
    private BigDecimal amount;

    @Column(name = "exchange_rate", precision = 18, scale = 8, updatable = false)
    private BigDecimal exchangeRate;

    @Sealed
    @Column(name = "reason_enc", nullable = false, length = 8192, updatable = false)
    private String reason;

    @Column(name = "no_conflict_declared", nullable = false, updatable = false)
    private boolean noConflictDeclared;

    protected GrantDecision() {
    }

    GrantDecision(EmergencyGrant grant, DecisionKind kind, String decidedBy, Instant decidedAt, BigDecimal amount,
                  BigDecimal exchangeRate, String reason) {
        this.grant = grant;
        this.kind = kind;
        this.decidedBy = decidedBy;
        this.recommendedBy = grant.getRecommendedBy();
        this.decidedAt = decidedAt;
        this.amount = amount;
        this.exchangeRate = exchangeRate;
        this.reason = reason;
        this.noConflictDeclared = true;
    }

    public Long getId() {
        return id;
    }

    public DecisionKind getKind() {
        return kind;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public BigDecimal getExchangeRate() {
        return exchangeRate;
    }

    public String getReason() {
        return reason;
    }

    public boolean isNoConflictDeclared() {
        return noConflictDeclared;
    }

    @Override
    public String sealingScope() {
        return SealedRecord.caseFile(grant.getCaseFileId());
    }
}
