package org.continuum.grant;

import org.continuum.grant.entity.DecisionKind;
import org.continuum.grant.entity.Disbursement;
import org.continuum.grant.entity.DisbursementMethod;
import org.continuum.grant.entity.EmergencyGrant;
import org.continuum.grant.entity.Fund;
import org.continuum.grant.entity.GrantCategory;
import org.continuum.grant.entity.GrantStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The grant's own state changes: four eyes, the fixed rate, tranches, the fund's money. */
class EmergencyGrantTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final String REASON = "Checked the quote with the partner";

    static EmergencyGrant grant(Fund fund, String amount, String currency, String rate, int tranches) {
        return new EmergencyGrant("G-2026-0001", 1L, fund, null, new EmergencyGrant.Request(
                GrantCategory.RELOCATION_TRAVEL, 5, "Bus tickets to the capital for the family", new BigDecimal(amount),
                currency, new BigDecimal(amount), TODAY, tranches, true, true, new BigDecimal(rate)), "amira", NOW);
    }

    static Disbursement.Payment payment() {
        return new Disbursement.Payment(DisbursementMethod.BANK_TRANSFER, "TRF-1", null, TODAY);
    }

    @Test
    void theRecommenderNeverDecidesAndNobodyDecidesTwice() {
        Fund fund = FundRulesTest.plain();
        EmergencyGrant grant = grant(fund, "4000.00", "EUR", "1", 1);
        assertThat(grant.getApprovalsRequired()).as("above the 3000 threshold").isEqualTo(2);
        assertThatThrownBy(() -> grant.decide(DecisionKind.APPROVE, "amira", null, BigDecimal.ONE, REASON, true, NOW))
                .hasMessage("grant.fourEyes.ownRecommendation");
        assertThat(grant.decide(DecisionKind.APPROVE, "claire", null, BigDecimal.ONE, REASON, true, NOW))
                .as("one approval commits nothing").isNull();
        assertThat(grant.getStatus()).isEqualTo(GrantStatus.AWAITING_SECOND_APPROVAL);
        assertThatThrownBy(() -> grant.decide(DecisionKind.APPROVE, "claire", null, BigDecimal.ONE, REASON, true, NOW))
                .hasMessage("grant.fourEyes.sameApprover");
        assertThatThrownBy(() -> grant.pay(new BigDecimal("4000.00"), payment(), "omar", NOW, TODAY))
                .hasMessage("grant.notPayable");
        assertThat(grant.decide(DecisionKind.APPROVE, "omar", null, BigDecimal.ONE, REASON, true, NOW))
                .isEqualByComparingTo("4000.00");
        assertThat(grant.getStatus()).isEqualTo(GrantStatus.APPROVED);
    }

    @Test
    void theApprovalsNeededAreFixedAtTheRecommendationWhateverTheFundsRulesBecome() {
        Fund fund = FundRulesTest.plain();
        EmergencyGrant grant = grant(fund, "4000.00", "EUR", "1", 1);
        assertThat(grant.getApprovalsRequired()).isEqualTo(2);
        // One coordinator raises the fund's threshold above the grant, then approves it: still two approvals needed.
        FundRulesTest.raiseDualApprovalThreshold(fund, new BigDecimal("10000.00"));
        assertThat(grant.decide(DecisionKind.APPROVE, "claire", null, BigDecimal.ONE, REASON, true, NOW)).isNull();
        assertThat(grant.getStatus()).isEqualTo(GrantStatus.AWAITING_SECOND_APPROVAL);
        assertThatThrownBy(() -> grant.pay(new BigDecimal("4000.00"), payment(), "claire", NOW, TODAY))
                .hasMessage("grant.notPayable");
    }

    @Test
    void aDecisionNeedsAReasonAndADeclaredAbsenceOfConflict() {
        EmergencyGrant grant = grant(FundRulesTest.plain(), "100.00", "EUR", "1", 1);
        assertThatThrownBy(() -> grant.decide(DecisionKind.APPROVE, "claire", null, BigDecimal.ONE, REASON, false, NOW))
                .hasMessage("grant.decision.conflictUndeclared");
        assertThatThrownBy(() -> grant.decide(DecisionKind.REJECT, "claire", null, null, "no", true, NOW))
                .hasMessage("grant.decision.reason.tooShort");
        assertThat(grant.decide(DecisionKind.REJECT, "claire", null, null, "Already covered by the partner", true,
                NOW)).isNull();
        assertThat(grant.getStatus()).isEqualTo(GrantStatus.REJECTED);
        assertThat(grant.getDecisions()).singleElement().satisfies(d -> assertThat(d.getDecidedBy()).isEqualTo("claire"));
    }

    @Test
    void aPartialApprovalFixesTheAmountAndTheRateButNeverLowersTheApprovalsNeeded() {
        EmergencyGrant grant = grant(FundRulesTest.plain(), "5000.00", "USD", "0.9", 1);
        assertThat(grant.getApprovalsRequired()).isEqualTo(2);
        assertThatThrownBy(() -> grant.decide(DecisionKind.APPROVE_PARTIALLY, "claire", new BigDecimal("5000.00"),
                new BigDecimal("0.9"), REASON, true, NOW)).hasMessage("grant.decision.amount.invalid");
        BigDecimal committed = grant.decide(DecisionKind.APPROVE_PARTIALLY, "claire", new BigDecimal("3000.00"),
                new BigDecimal("0.92"), REASON, true, NOW);
        assertThat(committed).as("3000 USD at 0.92 = 2760 EUR, under the threshold, but recommended above it: a second"
                + " approval is still needed").isNull();
        assertThat(grant.getApprovalsRequired()).isEqualTo(2);
        assertThat(grant.getStatus()).isEqualTo(GrantStatus.AWAITING_SECOND_APPROVAL);
        assertThat(grant.getExchangeRate()).isEqualByComparingTo("0.92");
        assertThat(grant.decide(DecisionKind.APPROVE, "omar", null, null, REASON, true, NOW))
                .isEqualByComparingTo("2760.00");
    }

    @Test
    void tranchesArePaidOnceEachAndTheLastPaysExactlyWhatRemains() {
        Fund fund = FundRulesTest.plain();
        EmergencyGrant grant = grant(fund, "1000.00", "EUR", "1", 3);
        fund.commit(grant.decide(DecisionKind.APPROVE, "claire", null, BigDecimal.ONE, REASON, true, NOW));
        assertThat(grant.isSoleApprover("claire")).isTrue();
        assertThatThrownBy(() -> grant.pay(new BigDecimal("333.33"), payment(), "claire", NOW, TODAY))
                .as("the sole approver does not also pay").hasMessage("grant.fourEyes.soleApproverPays");
        assertThat(grant.nextTrancheSuggestion()).isEqualByComparingTo("333.33");
        fund.pay(grant.pay(new BigDecimal("333.33"), payment(), "omar", NOW, TODAY).getAmount());
        fund.pay(grant.pay(new BigDecimal("333.33"), payment(), "omar", NOW, TODAY).getAmount());
        assertThatThrownBy(() -> grant.pay(new BigDecimal("333.33"), payment(), "omar", NOW, TODAY))
                .hasMessage("grant.disbursement.lastTranche:333.34");
        assertThatThrownBy(() -> grant.pay(new BigDecimal("333.34"), new Disbursement.Payment(
                DisbursementMethod.CASH, "R-1", null, TODAY.plusDays(1)), "omar", NOW, TODAY))
                .hasMessage("grant.disbursement.paidOn.invalid");
        fund.pay(grant.pay(new BigDecimal("333.34"), payment(), "omar", NOW, TODAY).getAmount());
        assertThat(grant.getStatus()).isEqualTo(GrantStatus.DISBURSED);
        assertThat(grant.getReportDueOn()).isEqualTo(TODAY.plusDays(60));
        assertThat(grant.getDisbursements()).extracting(Disbursement::getTranche).containsExactly(1, 2, 3);
        assertThat(fund.getDisbursed()).isEqualByComparingTo("1000.00");
        assertThat(fund.getCommitted()).isEqualByComparingTo("0.00");
        assertThatThrownBy(() -> grant.pay(new BigDecimal("1.00"), payment(), "omar", NOW, TODAY))
                .hasMessage("grant.notPayable");
    }

    @Test
    void aFundNeverCommitsOrPaysMoreThanItHas() {
        Fund fund = FundRulesTest.fund("500", null, 0, false, false);
        fund.commit(new BigDecimal("400.00"));
        assertThatThrownBy(() -> fund.commit(new BigDecimal("100.01"))).hasMessage("grant.fund.insufficient");
        assertThatThrownBy(() -> fund.pay(new BigDecimal("400.01"))).hasMessage("grant.fund.notCommitted");
        fund.pay(new BigDecimal("400.00"));
        assertThat(fund.available()).isEqualByComparingTo("100.00");
        assertThat(fund.balance()).isEqualByComparingTo("100.00");
    }
}
