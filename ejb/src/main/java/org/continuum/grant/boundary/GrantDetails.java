package org.continuum.grant.boundary;

import java.io.Serializable;
import org.continuum.casefile.control.TaskKind;
import org.continuum.grant.entity.EmergencyGrant;
import org.continuum.identity.entity.Role;
import org.continuum.identity.entity.UserAccount;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One grant with its whole history, as one reader may see and act on it. */
public record GrantDetails(GrantSummary summary, int continuumStep, String riskLevelAtRequest, String purpose,
                           BigDecimal totalCost, LocalDate costsFrom, int tranches, boolean targetedForWork,
                           boolean notFundedElsewhere, String recommendedBy, int approvalsRequired,
                           BigDecimal approvedAmount, BigDecimal exchangeRate, BigDecimal disbursed,
                           BigDecimal remaining, BigDecimal nextTranche, int tranchesPaid,
                           Instant reportReceivedAt, FundView fund, List<DecisionView> decisions,
                           List<PaymentView> payments, List<String> ruleProblems, boolean canDecide,
                           boolean canDisburse, boolean canReceiveReport, boolean ownRecommendation,
                           boolean soleApprover, boolean stepUpNeeded) implements Serializable {

    /**
     * What {@code reader} may see and do on a grant. {@code openTask} is the grant's open task when the reader may
     * take it (free or already theirs), else null; payment references and proofs are for coordinators only.
     */
    static GrantDetails of(EmergencyGrant grant, GrantSummary summary, UserAccount reader, TaskKind openTask,
                           List<String> ruleProblems, boolean reauthenticationDue) {
        String me = reader.getUsername();
        boolean coordinator = reader.hasRole(Role.COORDINATOR);
        return new GrantDetails(summary, grant.getContinuumStep(),
                grant.getRiskLevelAtRequest() == null ? null : grant.getRiskLevelAtRequest().name(),
                grant.getPurpose(), grant.getTotalCost(), grant.getCostsFrom(), grant.getTranches(),
                grant.isTargetedForWork(), grant.isNotFundedElsewhere(), grant.getRecommendedBy(),
                grant.getApprovalsRequired(), grant.getApprovedAmount(), grant.getExchangeRate(),
                grant.getDisbursedInFundCurrency(), grant.remainingToPay(), grant.nextTrancheSuggestion(),
                grant.getTranchesPaid(), grant.getReportReceivedAt(), FundView.of(grant.getFund(), List.of()),
                grant.getDecisions().stream().map(d -> new DecisionView(d.getKind(), d.getDecidedBy(),
                        d.getDecidedAt(), d.getAmount(), d.getExchangeRate(), d.getReason(),
                        d.isNoConflictDeclared())).toList(),
                grant.getDisbursements().stream().map(p -> new PaymentView(p.getTranche(), p.getAmount(),
                        p.getMethod(), p.getPaidOn(), p.getRecordedBy(), p.getRecordedAt(),
                        coordinator ? p.getPaymentReference() : null,
                        coordinator ? p.getProofOfReceipt() : null)).toList(),
                ruleProblems,
                coordinator && (openTask == TaskKind.DECIDE_GRANT || openTask == TaskKind.SECOND_GRANT_APPROVAL)
                        && grant.mayBeDecidedBy(me),
                coordinator && openTask == TaskKind.DISBURSE_GRANT && !grant.getRecommendedBy().equals(me)
                        && !grant.isSoleApprover(me),
                reader.hasRole(Role.CASEWORKER) && openTask == TaskKind.RECEIVE_GRANT_REPORT,
                grant.getRecommendedBy().equals(me),
                grant.isSoleApprover(me),
                coordinator && reauthenticationDue);
    }
}
