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
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A proposed change of a fund's name, donor, currency, budget, period or rules. It waits until a coordinator other
 * than its proposer applies or rejects it (the database refuses a decision by the proposer, too).
 */
@Entity
@Table(name = "fund_change")
public class FundChange {

    public enum Status { PENDING, APPLIED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "fund_id", nullable = false, updatable = false)
    private Fund fund;

    @Column(name = "proposed_by", nullable = false, length = 80, updatable = false)
    private String proposedBy;

    @Column(name = "proposed_at", nullable = false, updatable = false)
    private Instant proposedAt;

    @Column(nullable = false, length = 200, updatable = false)
    private String name;

    @Column(nullable = false, length = 200, updatable = false)
    private String donor;

    @Column(nullable = false, length = 3, updatable = false)
    private String currency;

    @Column(nullable = false, precision = 14, scale = 2, updatable = false)
    private BigDecimal budget;

    @Column(name = "period_start", nullable = false, updatable = false)
    private LocalDate periodStart;

    @Column(name = "period_end", nullable = false, updatable = false)
    private LocalDate periodEnd;

    @Column(name = "ceiling_per_grant", precision = 14, scale = 2, updatable = false)
    private BigDecimal ceilingPerGrant;

    @Column(name = "dual_approval_above", nullable = false, precision = 14, scale = 2, updatable = false)
    private BigDecimal dualApprovalAbove;

    @Column(name = "co_funding_percent", nullable = false, updatable = false)
    private int coFundingPercent;

    @Column(name = "no_exile_costs", nullable = false, updatable = false)
    private boolean noExileCosts;

    @Column(name = "requires_targeted_for_work", nullable = false, updatable = false)
    private boolean requiresTargetedForWork;

    @Column(name = "no_retrospective", nullable = false, updatable = false)
    private boolean noRetrospective;

    @Column(name = "report_due_days", updatable = false)
    private Integer reportDueDays;

    @Column(nullable = false, length = 1000, updatable = false)
    private String categories;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(name = "decided_by", length = 80)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected FundChange() {
    }

    public FundChange(Fund fund, String proposedBy, Instant at, String name, String donor, String currency,
                      BigDecimal budget, LocalDate periodStart, LocalDate periodEnd, Fund.Rules rules) {
        this.fund = Objects.requireNonNull(fund);
        this.proposedBy = Objects.requireNonNull(proposedBy);
        this.proposedAt = Objects.requireNonNull(at);
        this.name = name;
        this.donor = donor;
        this.currency = currency;
        this.budget = budget;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.ceilingPerGrant = rules.ceilingPerGrant();
        this.dualApprovalAbove = rules.dualApprovalAbove();
        this.coFundingPercent = rules.coFundingPercent();
        this.noExileCosts = rules.noExileCosts();
        this.requiresTargetedForWork = rules.requiresTargetedForWork();
        this.noRetrospective = rules.noRetrospective();
        this.reportDueDays = rules.reportDueDays();
        this.categories = rules.categories().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.status = Status.PENDING;
    }

    /** Applies (or rejects) the change: never by its proposer; the caller then updates the fund when applied. */
    public void decide(boolean apply, String coordinator, Instant at) {
        if (status != Status.PENDING) {
            throw new IllegalStateException("fund.change.notPending");
        }
        if (coordinator.equals(proposedBy)) {
            throw new IllegalStateException("fund.change.ownProposal");
        }
        status = apply ? Status.APPLIED : Status.REJECTED;
        decidedBy = coordinator;
        decidedAt = at;
    }

    public Fund.Rules rules() {
        Set<GrantCategory> chosen = categories.isBlank() ? EnumSet.noneOf(GrantCategory.class)
                : Arrays.stream(categories.split(",")).map(GrantCategory::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(GrantCategory.class)));
        return new Fund.Rules(ceilingPerGrant, dualApprovalAbove, coFundingPercent, noExileCosts,
                requiresTargetedForWork, noRetrospective, reportDueDays, chosen);
    }

    public Long getId() {
        return id;
    }

    public Fund getFund() {
        return fund;
    }

    public String getProposedBy() {
        return proposedBy;
    }

    public Instant getProposedAt() {
        return proposedAt;
    }

    public String getName() {
        return name;
    }

    public String getDonor() {
        return donor;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getBudget() {
        return budget;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public LocalDate getPeriodEnd() {
        return periodEnd;
    }

    public Status getStatus() {
        return status;
    }

    public String getDecidedBy() {
        return decidedBy;
    }
}
