package org.continuum.grant.entity;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.continuum.casefile.entity.RiskLevel;
import org.continuum.platform.control.RowIdSequences;
import org.continuum.security.control.Sealed;
import org.continuum.security.control.SealedRecord;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An emergency grant from a case: recommended by the case staff, decided by coordinators who did not recommend it
 * (two distinct ones above the fund's threshold), paid once per tranche, then accounted for. Every state change is a
 * method that refuses out-of-order moves; the row is versioned so two concurrent changes cannot both commit.
 */
@Entity
@Table(name = "grant_request")
public class EmergencyGrant implements SealedRecord {

    public static final int MIN_REASON = 10;
    public static final int MAX_TRANCHES = 6;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "grant_request_ids")
    @SequenceGenerator(name = "grant_request_ids", sequenceName = "grant_request_ids", allocationSize = RowIdSequences.ALLOCATION)
    private Long id;

    @Column(nullable = false, unique = true, length = 20, updatable = false)
    private String reference;

    @Column(name = "casefile_id", nullable = false, updatable = false)
    private long caseFileId;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "fund_id", nullable = false, updatable = false)
    private Fund fund;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30, updatable = false)
    private GrantCategory category;

    @Column(name = "continuum_step", nullable = false, updatable = false)
    private int continuumStep;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level_at_request", length = 10, updatable = false)
    private RiskLevel riskLevelAtRequest;

    @Sealed
    @Column(name = "purpose_enc", nullable = false, length = 8192, updatable = false)
    private String purpose;

    @Column(nullable = false, precision = 14, scale = 2, updatable = false)
    private BigDecimal amount;

    @Column(nullable = false, length = 3, updatable = false)
    private String currency;

    @Column(name = "total_cost", nullable = false, precision = 14, scale = 2, updatable = false)
    private BigDecimal totalCost;

    @Column(name = "costs_from", nullable = false, updatable = false)
    private LocalDate costsFrom;

    @Column(nullable = false, updatable = false)
    private int tranches;

    @Column(name = "targeted_for_work", nullable = false, updatable = false)
    private boolean targetedForWork;

    @Column(name = "not_funded_elsewhere", nullable = false, updatable = false)
    private boolean notFundedElsewhere;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private GrantStatus status;

    @Column(name = "recommended_by", nullable = false, length = 80, updatable = false)
    private String recommendedBy;

    @Column(name = "recommended_at", nullable = false, updatable = false)
    private Instant recommendedAt;

    @Column(name = "approvals_required", nullable = false)
    private int approvalsRequired;

    @Column(name = "approved_amount", precision = 14, scale = 2)
    private BigDecimal approvedAmount;

    @Column(name = "exchange_rate", precision = 18, scale = 8)
    private BigDecimal exchangeRate;

    @Column(name = "approved_in_fund_currency", precision = 14, scale = 2)
    private BigDecimal approvedInFundCurrency;

    @Column(name = "disbursed_in_fund_currency", nullable = false, precision = 14, scale = 2)
    private BigDecimal disbursedInFundCurrency = BigDecimal.ZERO;

    @Column(name = "tranches_paid", nullable = false)
    private int tranchesPaid;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "report_due_on")
    private LocalDate reportDueOn;

    @Column(name = "report_received_at")
    private Instant reportReceivedAt;

    @Column(name = "report_overdue", nullable = false)
    private boolean reportOverdue;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @OneToMany(mappedBy = "grant", cascade = CascadeType.PERSIST)
    @OrderBy("decidedAt")
    private List<GrantDecision> decisions = new ArrayList<>();

    @OneToMany(mappedBy = "grant", cascade = CascadeType.PERSIST)
    @OrderBy("tranche")
    private List<Disbursement> disbursements = new ArrayList<>();

    @Version
    private long version;

    protected EmergencyGrant() {
    }

    /** What the case staff ask for; the fund's rules have been checked before ({@code FundRules}). */
    public record Request(GrantCategory category, int continuumStep, String purpose, BigDecimal amount,
                          String currency, BigDecimal totalCost, LocalDate costsFrom, int tranches,
                          boolean targetedForWork, boolean notFundedElsewhere, BigDecimal indicativeRate) {
    }

    public EmergencyGrant(String reference, long caseFileId, Fund fund, RiskLevel riskLevel, Request request,
                          String recommendedBy, Instant at) {
        if (request.tranches() < 1 || request.tranches() > MAX_TRANCHES) {
            throw new IllegalArgumentException("grant.tranches.invalid");
        }
        this.reference = Objects.requireNonNull(reference);
        this.caseFileId = caseFileId;
        this.fund = Objects.requireNonNull(fund);
        this.category = request.category();
        this.continuumStep = request.continuumStep();
        this.riskLevelAtRequest = riskLevel;
        this.purpose = request.purpose();
        this.amount = request.amount();
        this.currency = request.currency();
        this.totalCost = request.totalCost();
        this.costsFrom = request.costsFrom();
        this.tranches = request.tranches();
        this.targetedForWork = request.targetedForWork();
        this.notFundedElsewhere = request.notFundedElsewhere();
        this.status = GrantStatus.RECOMMENDED;
        this.recommendedBy = Objects.requireNonNull(recommendedBy);
        this.recommendedAt = at;
        // Indicative until a coordinator fixes the rate at decision.
        this.exchangeRate = request.indicativeRate();
        this.approvalsRequired = approvalsFor(inFundCurrency(request.amount(), request.indicativeRate()));
    }

    private int approvalsFor(BigDecimal inFundCurrency) {
        return inFundCurrency.compareTo(fund.rules().dualApprovalAbove()) > 0 ? 2 : 1;
    }

    public static BigDecimal inFundCurrency(BigDecimal amount, BigDecimal rate) {
        return amount.multiply(rate).setScale(2, RoundingMode.HALF_UP);
    }

    /** True when {@code username} may still decide: not the recommender, not someone who already decided. */
    public boolean mayBeDecidedBy(String username) {
        return status.isOpenForDecision() && !recommendedBy.equals(username)
                && decisions.stream().noneMatch(d -> d.getDecidedBy().equals(username));
    }

    /**
     * True when {@code username} gave the only approval of this grant: they do not also record its payment (the
     * payer is never the sole approver, as in payment systems).
     */
    public boolean isSoleApprover(String username) {
        List<GrantDecision> approvals = decisions.stream().filter(d -> d.getKind().approves()).toList();
        return approvals.size() == 1 && approvals.get(0).getDecidedBy().equals(username);
    }

    /** True when {@code username} recorded a decision on this grant and is not its recommender. */
    public boolean hasDecisionBy(String username) {
        return !recommendedBy.equals(username) && decisions.stream().anyMatch(d -> d.getDecidedBy().equals(username));
    }

    /**
     * Records a coordinator's decision. The first approval fixes the amount and the exchange rate; a second
     * approval, when the amount is above the fund's threshold, confirms them. Returns the amount (fund currency) to
     * commit on the fund when this decision completes the approval, or null.
     */
    public BigDecimal decide(DecisionKind kind, String decidedBy, BigDecimal approvedAmount, BigDecimal rate,
                             String reason, boolean noConflictDeclared, Instant at) {
        if (!status.isOpenForDecision()) {
            throw new IllegalStateException("grant.notOpenForDecision");
        }
        if (recommendedBy.equals(decidedBy)) {
            throw new IllegalStateException("grant.fourEyes.ownRecommendation");
        }
        if (decisions.stream().anyMatch(d -> d.getDecidedBy().equals(decidedBy))) {
            throw new IllegalStateException("grant.fourEyes.sameApprover");
        }
        if (!noConflictDeclared) {
            throw new IllegalArgumentException("grant.decision.conflictUndeclared");
        }
        if (reason == null || reason.strip().length() < MIN_REASON) {
            throw new IllegalArgumentException("grant.decision.reason.tooShort");
        }
        if (kind == DecisionKind.REJECT) {
            decisions.add(new GrantDecision(this, kind, decidedBy, at, null, null, reason.strip()));
            status = GrantStatus.REJECTED;
            decidedAt = at;
            return null;
        }
        if (status == GrantStatus.RECOMMENDED) {
            fixAmount(kind, approvedAmount, rate);
        }
        decisions.add(new GrantDecision(this, kind, decidedBy, at, this.approvedAmount, this.exchangeRate,
                reason.strip()));
        long approvals = decisions.stream().filter(d -> d.getKind().approves()).count();
        if (approvals < approvalsRequired) {
            status = GrantStatus.AWAITING_SECOND_APPROVAL;
            return null;
        }
        status = GrantStatus.APPROVED;
        decidedAt = at;
        return approvedInFundCurrency;
    }

    private void fixAmount(DecisionKind kind, BigDecimal approved, BigDecimal rate) {
        BigDecimal value = kind == DecisionKind.APPROVE ? amount : approved;
        if (value == null || value.signum() <= 0 || value.compareTo(amount) > 0
                || kind == DecisionKind.APPROVE_PARTIALLY && value.compareTo(amount) == 0) {
            throw new IllegalArgumentException("grant.decision.amount.invalid");
        }
        if (rate == null || rate.signum() <= 0 || currency.equals(fund.getCurrency()) && rate.compareTo(BigDecimal.ONE) != 0) {
            throw new IllegalArgumentException("grant.decision.rate.invalid");
        }
        this.approvedAmount = value.setScale(2, RoundingMode.HALF_UP);
        this.exchangeRate = rate;
        this.approvedInFundCurrency = inFundCurrency(this.approvedAmount, rate);
        // Fixed at the recommendation, never lowered: neither a partial approval nor a fund rule changed since then
        // lets one coordinator do alone what needed two. It can only rise (a rate that lifts the amount above).
        this.approvalsRequired = Math.max(this.approvalsRequired, approvalsFor(approvedInFundCurrency));
    }

    /** The fund-currency amount still to pay. */
    public BigDecimal remainingToPay() {
        return approvedInFundCurrency == null ? BigDecimal.ZERO
                : approvedInFundCurrency.subtract(disbursedInFundCurrency);
    }

    /** Suggested amount of the next tranche: an equal share of what remains, the last one takes the rest. */
    public BigDecimal nextTrancheSuggestion() {
        int left = tranches - tranchesPaid;
        if (left <= 1) {
            return remainingToPay();
        }
        return remainingToPay().divide(BigDecimal.valueOf(left), 2, RoundingMode.DOWN);
    }

    /** Records the next tranche as paid; the last tranche must pay exactly what remains. */
    public Disbursement pay(BigDecimal trancheAmount, Disbursement.Payment payment, String by, Instant at,
                            LocalDate today) {
        if (status != GrantStatus.APPROVED) {
            throw new IllegalStateException("grant.notPayable");
        }
        if (isSoleApprover(by)) {
            throw new IllegalStateException("grant.fourEyes.soleApproverPays");
        }
        if (trancheAmount == null || trancheAmount.signum() <= 0 || trancheAmount.compareTo(remainingToPay()) > 0) {
            throw new IllegalArgumentException("grant.disbursement.amount.invalid");
        }
        boolean last = tranchesPaid + 1 == tranches;
        if (last && trancheAmount.compareTo(remainingToPay()) != 0) {
            throw new IllegalArgumentException("grant.disbursement.lastTranche:" + remainingToPay().toPlainString());
        }
        if (payment.method() == null) {
            throw new IllegalArgumentException("grant.disbursement.method.required");
        }
        if (payment.reference() == null || payment.reference().isBlank()) {
            throw new IllegalArgumentException("grant.disbursement.reference.required");
        }
        if (payment.paidOn() == null || payment.paidOn().isAfter(today)) {
            throw new IllegalArgumentException("grant.disbursement.paidOn.invalid");
        }
        Disbursement paid = new Disbursement(this, tranchesPaid + 1, trancheAmount, payment, by, at);
        disbursements.add(paid);
        tranchesPaid++;
        disbursedInFundCurrency = disbursedInFundCurrency.add(trancheAmount);
        if (tranchesPaid == tranches) {
            status = GrantStatus.DISBURSED;
            Integer days = fund.rules().reportDueDays();
            reportDueOn = days == null ? null : payment.paidOn().plusDays(days);
        }
        return paid;
    }

    public boolean moreTranchesToPay() {
        return status == GrantStatus.APPROVED && tranchesPaid < tranches;
    }

    public boolean awaitsReport() {
        return status == GrantStatus.DISBURSED && reportDueOn != null && reportReceivedAt == null;
    }

    /** The report is awaited and late: flagged by the timer, or its due date has passed. */
    public boolean isReportLate(LocalDate today) {
        return awaitsReport() && (reportOverdue || reportDueOn.isBefore(today));
    }

    public void reportReceived(Instant at) {
        if (!awaitsReport()) {
            throw new IllegalStateException("grant.report.notDue");
        }
        reportReceivedAt = at;
        reportOverdue = false;
        status = GrantStatus.REPORTED;
    }

    public void markReportOverdue() {
        if (awaitsReport()) {
            reportOverdue = true;
        }
    }

    public void startedProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public long getCaseFileId() {
        return caseFileId;
    }

    public Fund getFund() {
        return fund;
    }

    public GrantCategory getCategory() {
        return category;
    }

    public int getContinuumStep() {
        return continuumStep;
    }

    public RiskLevel getRiskLevelAtRequest() {
        return riskLevelAtRequest;
    }

    public String getPurpose() {
        return purpose;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getTotalCost() {
        return totalCost;
    }

    public LocalDate getCostsFrom() {
        return costsFrom;
    }

    public int getTranches() {
        return tranches;
    }

    public boolean isTargetedForWork() {
        return targetedForWork;
    }

    public boolean isNotFundedElsewhere() {
        return notFundedElsewhere;
    }

    public GrantStatus getStatus() {
        return status;
    }

    public String getRecommendedBy() {
        return recommendedBy;
    }

    public Instant getRecommendedAt() {
        return recommendedAt;
    }

    public int getApprovalsRequired() {
        return approvalsRequired;
    }

    public BigDecimal getApprovedAmount() {
        return approvedAmount;
    }

    public BigDecimal getExchangeRate() {
        return exchangeRate;
    }

    public BigDecimal getApprovedInFundCurrency() {
        return approvedInFundCurrency;
    }

    public BigDecimal getDisbursedInFundCurrency() {
        return disbursedInFundCurrency;
    }

    public int getTranchesPaid() {
        return tranchesPaid;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public LocalDate getReportDueOn() {
        return reportDueOn;
    }

    public Instant getReportReceivedAt() {
        return reportReceivedAt;
    }

    public boolean isReportOverdue() {
        return reportOverdue;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public List<GrantDecision> getDecisions() {
        return List.copyOf(decisions);
    }

    public List<Disbursement> getDisbursements() {
        return List.copyOf(disbursements);
    }

    @Override
    public String sealingScope() {
        return SealedRecord.caseFile(caseFileId);
    }
}
