package org.continuum.grant;

import org.continuum.casefile.entity.Phase;
import org.continuum.reference.entity.Situation;
import org.continuum.grant.control.FundRules;
import org.continuum.grant.entity.EmergencyGrant;
import org.continuum.grant.entity.Fund;
import org.continuum.grant.entity.GrantCategory;
import org.continuum.grant.entity.GrantStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every donor rule, each with the message the person asking will read (bundle key and figures). */
class FundRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final FundRules.Applicant AT_RISK_AT_HOME = new FundRules.Applicant(Situation.IN_COUNTRY_OF_DANGER,
            Phase.PROTECTION_PLAN);

    static Fund fund(String budget, String ceiling, int coFunding, boolean noExile, boolean targeted,
                     GrantCategory... categories) {
        return new Fund("F", "Fund", "Donor", "EUR", new BigDecimal(budget), LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), new Fund.Rules(ceiling == null ? null : new BigDecimal(ceiling),
                new BigDecimal("3000"), coFunding, noExile, targeted, true, 60,
                categories.length == 0 ? EnumSet.allOf(GrantCategory.class) : EnumSet.of(categories[0], categories)));
    }

    /** A coordinator edits the fund: the same rules, a higher second-approval threshold. */
    static void raiseDualApprovalThreshold(Fund fund, BigDecimal threshold) {
        Fund.Rules r = fund.rules();
        fund.update(fund.getName(), fund.getDonor(), fund.getCurrency(), fund.getBudget(), fund.getPeriodStart(),
                fund.getPeriodEnd(), new Fund.Rules(r.ceilingPerGrant(), threshold, r.coFundingPercent(),
                        r.noExileCosts(), r.requiresTargetedForWork(), r.noRetrospective(), r.reportDueDays(),
                        r.categories()));
    }

    static Fund plain() {
        return fund("60000", "7500", 0, false, false);
    }

    static EmergencyGrant.Request request(String amount) {
        return new EmergencyGrant.Request(GrantCategory.MEDICAL, 1, "Treatment after the assault last week",
                new BigDecimal(amount), "EUR", new BigDecimal(amount), TODAY, 1, true, true, BigDecimal.ONE);
    }

    static EmergencyGrant.Request with(EmergencyGrant.Request r, String field, Object value) {
        return new EmergencyGrant.Request(
                field.equals("category") ? (GrantCategory) value : r.category(),
                r.continuumStep(), r.purpose(), r.amount(),
                field.equals("currency") ? (String) value : r.currency(),
                field.equals("totalCost") ? new BigDecimal((String) value) : r.totalCost(),
                field.equals("costsFrom") ? (LocalDate) value : r.costsFrom(), r.tranches(),
                field.equals("targeted") ? (Boolean) value : r.targetedForWork(),
                field.equals("notFundedElsewhere") ? (Boolean) value : r.notFundedElsewhere(),
                field.equals("rate") ? new BigDecimal((String) value) : r.indicativeRate());
    }

    static List<String> check(Fund fund, EmergencyGrant.Request request) {
        return FundRules.check(fund, request, AT_RISK_AT_HOME, List.of(), TODAY, FundRules.Stage.REQUEST);
    }

    static Stream<Arguments> brokenRules() {
        EmergencyGrant.Request ok = request("1000.00");
        return Stream.of(
                Arguments.of("ceiling", plain(), request("8000.00"), "grant.rule.ceiling:7500.00 EUR:8000.00 EUR"),
                Arguments.of("ceiling after conversion", plain(), with(with(request("5000.00"), "currency", "USD"),
                        "rate", "1.6"), "grant.rule.ceiling:7500.00 EUR:8000.00 EUR"),
                Arguments.of("category", fund("60000", null, 0, false, false, GrantCategory.LEGAL), ok,
                        "grant.rule.category"),
                Arguments.of("co-funding", fund("60000", null, 20, false, false), with(ok, "totalCost", "1100.00"),
                        "grant.rule.coFunding:20:880.00 EUR"),
                Arguments.of("targeted", fund("60000", null, 0, false, true), with(ok, "targeted", false),
                        "grant.rule.targeted"),
                Arguments.of("retrospective", plain(), with(ok, "costsFrom", TODAY.minusDays(1)),
                        "grant.rule.retrospective"),
                Arguments.of("funded elsewhere", plain(), with(ok, "notFundedElsewhere", false),
                        "grant.rule.fundedElsewhere"),
                Arguments.of("balance", fund("900", null, 0, false, false), ok, "grant.rule.balance:900.00 EUR"),
                Arguments.of("same currency, rate not 1", plain(), with(ok, "rate", "1.1"),
                        "grant.rule.sameCurrencyRate"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void eachBrokenRuleIsNamedWithItsFigures(String rule, Fund fund, EmergencyGrant.Request request, String key) {
        assertThat(check(fund, request)).containsExactly(key);
    }

    @Test
    void aRequestWithinEveryRulePasses() {
        assertThat(check(fund("60000", "7500", 20, true, true), with(request("800.00"), "totalCost", "1000.00")))
                .isEmpty();
    }

    @Test
    void noCostsForPeopleAlreadyInExileWhateverHowTheyGotThere() {
        Fund noExile = fund("60000", null, 0, true, false);
        for (FundRules.Applicant inExile : List.of(new FundRules.Applicant(Situation.RECOGNISED_REFUGEE, Phase.TRIAGE),
                new FundRules.Applicant(Situation.ASYLUM_SEEKER, Phase.PROTECTION_PLAN),
                new FundRules.Applicant(Situation.IN_COUNTRY_OF_DANGER, Phase.EXILE_SUPPORT))) {
            assertThat(FundRules.check(noExile, request("100.00"), inExile, List.of(), TODAY,
                    FundRules.Stage.REQUEST)).containsExactly("grant.rule.exile");
        }
        assertThat(check(noExile, request("100.00"))).isEmpty();
    }

    @Test
    void nothingAlreadyFundedForTheSamePurposeButARejectedGrantDoesNotCount() {
        List<FundRules.PriorGrant> prior = List.of(
                new FundRules.PriorGrant("G-2026-0001", GrantCategory.LEGAL, GrantStatus.DISBURSED),
                new FundRules.PriorGrant("G-2026-0002", GrantCategory.MEDICAL, GrantStatus.REJECTED));
        assertThat(FundRules.check(plain(), request("100.00"), AT_RISK_AT_HOME, prior, TODAY,
                FundRules.Stage.REQUEST)).isEmpty();
        List<FundRules.PriorGrant> funded = List.of(
                new FundRules.PriorGrant("G-2026-0003", GrantCategory.MEDICAL, GrantStatus.RECOMMENDED));
        assertThat(FundRules.check(plain(), request("100.00"), AT_RISK_AT_HOME, funded, TODAY,
                FundRules.Stage.REQUEST)).containsExactly("grant.rule.alreadyFunded:G-2026-0003");
    }

    @Test
    void aDecisionDaysLaterIsNotRetrospectiveButTheFundPeriodStillCounts() {
        EmergencyGrant.Request earlier = with(request("100.00"), "costsFrom", TODAY.minusDays(5));
        assertThat(FundRules.check(plain(), earlier, AT_RISK_AT_HOME, List.of(), TODAY, FundRules.Stage.DECISION))
                .isEmpty();
        assertThat(FundRules.check(plain(), earlier, AT_RISK_AT_HOME, List.of(), LocalDate.of(2027, 1, 2),
                FundRules.Stage.DECISION)).containsExactly("grant.rule.fundPeriod:2026-01-01:2026-12-31");
    }

    @Test
    void aMalformedRequestIsRefusedBeforeAnyRuleWithEveryProblem() {
        EmergencyGrant.Request bad = new EmergencyGrant.Request(null, 9, "short", new BigDecimal("-1"), "euro",
                new BigDecimal("0"), null, 0, false, false, BigDecimal.ZERO);
        assertThat(check(plain(), bad)).containsExactly("grant.category.required", "grant.step.invalid",
                "grant.purpose.tooShort:20", "grant.amount.invalid", "grant.currency.invalid",
                "grant.costsFrom.required", "grant.tranches.invalid:6", "grant.rate.invalid");
    }
}
