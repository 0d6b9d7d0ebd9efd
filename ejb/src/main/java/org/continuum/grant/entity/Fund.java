package org.continuum.grant.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A donor's money with its rules. Approving a grant commits money; paying a tranche moves it from committed to
 * disbursed. Committed plus disbursed never exceeds the budget: checked here and by a database constraint, and the
 * row is versioned (and locked by the boundaries that move money).
 */
@Entity
@Table(name = "fund")
public class Fund {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 40, updatable = false)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 200)
    private String donor;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal budget;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal committed = BigDecimal.ZERO;

    @Column(nullable = false, precision = 14, scale = 2)
    private BigDecimal disbursed = BigDecimal.ZERO;

    @Column(name = "period_start", nullable = false)
    private LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    private LocalDate periodEnd;

    @Column(name = "ceiling_per_grant", precision = 14, scale = 2)
    private BigDecimal ceilingPerGrant;

    @Column(name = "dual_approval_above", nullable = false, precision = 14, scale = 2)
    private BigDecimal dualApprovalAbove;

    @Column(name = "co_funding_percent", nullable = false)
    private int coFundingPercent;

    @Column(name = "no_exile_costs", nullable = false)
    private boolean noExileCosts;

    @Column(name = "requires_targeted_for_work", nullable = false)
    private boolean requiresTargetedForWork;

    @Column(name = "no_retrospective", nullable = false)
    private boolean noRetrospective;

    @Column(name = "report_due_days")
    private Integer reportDueDays;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "fund_category", joinColumns = @JoinColumn(name = "fund_id"))
    @Column(name = "category", length = 30)
    @Enumerated(EnumType.STRING)
    private Set<GrantCategory> categories = EnumSet.noneOf(GrantCategory.class);

    @Version
    private long version;

    protected Fund() {
    }

    public Fund(String code, String name, String donor, String currency, BigDecimal budget, LocalDate periodStart,
                LocalDate periodEnd, Rules rules) {
        this.code = Objects.requireNonNull(code);
        this.committed = BigDecimal.ZERO;
        this.disbursed = BigDecimal.ZERO;
        apply(name, donor, currency, budget, periodStart, periodEnd, rules);
    }

    /** Donor rules, as data. */
    public record Rules(BigDecimal ceilingPerGrant, BigDecimal dualApprovalAbove, int coFundingPercent,
                        boolean noExileCosts, boolean requiresTargetedForWork, boolean noRetrospective,
                        Integer reportDueDays, Set<GrantCategory> categories) implements Serializable {
    }

    /** New figures and rules (not final: a lazily loaded fund is a proxy, and the change must reach the entity). */
    public void update(String name, String donor, String currency, BigDecimal budget, LocalDate periodStart,
                       LocalDate periodEnd, Rules rules) {
        apply(name, donor, currency, budget, periodStart, periodEnd, rules);
    }

    private void apply(String name, String donor, String currency, BigDecimal budget, LocalDate periodStart,
                       LocalDate periodEnd, Rules rules) {
        if (budget == null || budget.signum() < 0 || budget.compareTo(committed.add(disbursed)) < 0) {
            throw new IllegalArgumentException("fund.budget.invalid");
        }
        if (periodStart == null || periodEnd == null || periodEnd.isBefore(periodStart)) {
            throw new IllegalArgumentException("fund.period.invalid");
        }
        if (rules.coFundingPercent() < 0 || rules.coFundingPercent() > 100) {
            throw new IllegalArgumentException("fund.coFunding.invalid");
        }
        if (this.currency != null && !this.currency.equals(currency)
                && (committed.signum() != 0 || disbursed.signum() != 0)) {
            throw new IllegalArgumentException("fund.currency.locked");
        }
        this.name = Objects.requireNonNull(name);
        this.donor = Objects.requireNonNull(donor);
        this.currency = Objects.requireNonNull(currency);
        this.budget = budget;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.ceilingPerGrant = rules.ceilingPerGrant();
        this.dualApprovalAbove = Objects.requireNonNull(rules.dualApprovalAbove());
        this.coFundingPercent = rules.coFundingPercent();
        this.noExileCosts = rules.noExileCosts();
        this.requiresTargetedForWork = rules.requiresTargetedForWork();
        this.noRetrospective = rules.noRetrospective();
        this.reportDueDays = rules.reportDueDays();
        this.categories = rules.categories().isEmpty() ? EnumSet.noneOf(GrantCategory.class)
                : EnumSet.copyOf(rules.categories());
    }

    public Rules rules() {
        return new Rules(ceilingPerGrant, dualApprovalAbove, coFundingPercent, noExileCosts, requiresTargetedForWork,
                noRetrospective, reportDueDays, Set.copyOf(categories));
    }

    /** Money neither committed nor paid. */
    public BigDecimal available() {
        return budget.subtract(committed).subtract(disbursed);
    }

    /** Money not paid yet (committed included). */
    public BigDecimal balance() {
        return budget.subtract(disbursed);
    }

    /** Reserves an approved grant's amount. */
    public void commit(BigDecimal amount) {
        if (amount.signum() <= 0 || available().compareTo(amount) < 0) {
            throw new IllegalStateException("grant.fund.insufficient");
        }
        committed = committed.add(amount);
    }

    /** Pays out committed money. */
    public void pay(BigDecimal amount) {
        if (amount.signum() <= 0 || committed.compareTo(amount) < 0) {
            throw new IllegalStateException("grant.fund.notCommitted");
        }
        committed = committed.subtract(amount);
        disbursed = disbursed.add(amount);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
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

    public BigDecimal getCommitted() {
        return committed;
    }

    public BigDecimal getDisbursed() {
        return disbursed;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public LocalDate getPeriodEnd() {
        return periodEnd;
    }

    public long getVersion() {
        return version;
    }
}
