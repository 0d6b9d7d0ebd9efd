package org.continuum.grant.control;

import org.continuum.casefile.entity.Phase;
import org.continuum.reference.entity.Situation;
import org.continuum.grant.entity.EmergencyGrant;
import org.continuum.grant.entity.Fund;
import org.continuum.grant.entity.GrantCategory;
import org.continuum.grant.entity.GrantStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A fund's donor rules, checked by code. Every broken rule comes back as a bundle key with its figures
 * ({@code key:arg:arg}), all at once, so the person asking sees everything to fix; nothing is refused silently.
 * The same rules run when the grant is requested and again when a coordinator fixes the amount and the rate.
 */
public final class FundRules {

    public static final int MIN_PURPOSE = 20;
    public static final int LAST_STEP = 6;
    private static final Set<Situation> IN_EXILE = Set.of(Situation.ASYLUM_SEEKER, Situation.RECOGNISED_REFUGEE);

    private FundRules() {
    }

    /** When the rules run: at request (everything) or at decision (money and duplicates, with the fixed rate). */
    public enum Stage {
        REQUEST,
        DECISION
    }

    /** Who the grant is for, as far as the rules need to know. */
    public record Applicant(Situation situation, Phase phase) {

        public boolean inExile() {
            return IN_EXILE.contains(situation) || phase == Phase.EXILE_SUPPORT;
        }
    }

    /** Another grant for the same person: on this case or on a linked case file of theirs. */
    public record PriorGrant(String reference, GrantCategory category, GrantStatus status) {
    }

    public static List<String> check(Fund fund, EmergencyGrant.Request request, Applicant applicant,
                                     List<PriorGrant> priorGrants, LocalDate today, Stage stage) {
        List<String> problems = new ArrayList<>(shape(request));
        if (!problems.isEmpty()) {
            return problems;
        }
        Fund.Rules rules = fund.rules();
        String currency = fund.getCurrency();
        if (today.isBefore(fund.getPeriodStart()) || today.isAfter(fund.getPeriodEnd())) {
            problems.add("grant.rule.fundPeriod:" + fund.getPeriodStart() + ":" + fund.getPeriodEnd());
        }
        if (!rules.categories().contains(request.category())) {
            problems.add("grant.rule.category");
        }
        if (request.currency().equals(currency) && request.indicativeRate().compareTo(BigDecimal.ONE) != 0) {
            problems.add("grant.rule.sameCurrencyRate");
        }
        BigDecimal inFund = EmergencyGrant.inFundCurrency(request.amount(), request.indicativeRate());
        if (rules.ceilingPerGrant() != null && inFund.compareTo(rules.ceilingPerGrant()) > 0) {
            problems.add("grant.rule.ceiling:" + money(rules.ceilingPerGrant(), currency) + ":" + money(inFund, currency));
        }
        if (rules.coFundingPercent() > 0) {
            BigDecimal most = request.totalCost().multiply(BigDecimal.valueOf(100L - rules.coFundingPercent()))
                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
            if (request.amount().compareTo(most) > 0) {
                problems.add("grant.rule.coFunding:" + rules.coFundingPercent() + ":"
                        + money(most, request.currency()));
            }
        }
        if (rules.noExileCosts() && applicant.inExile()) {
            problems.add("grant.rule.exile");
        }
        if (rules.requiresTargetedForWork() && !request.targetedForWork()) {
            problems.add("grant.rule.targeted");
        }
        if (stage == Stage.REQUEST && rules.noRetrospective() && request.costsFrom().isBefore(today)) {
            problems.add("grant.rule.retrospective");
        }
        if (!request.notFundedElsewhere()) {
            problems.add("grant.rule.fundedElsewhere");
        }
        priorGrants.stream()
                .filter(p -> p.category() == request.category() && p.status().holdsThePurpose())
                .findFirst()
                .ifPresent(p -> problems.add("grant.rule.alreadyFunded:" + p.reference()));
        if (inFund.compareTo(fund.available()) > 0) {
            problems.add("grant.rule.balance:" + money(fund.available(), currency));
        }
        return problems;
    }

    /** The request's own shape, before any rule: amounts, dates, purpose. */
    static List<String> shape(EmergencyGrant.Request r) {
        List<String> problems = new ArrayList<>();
        if (r.category() == null) {
            problems.add("grant.category.required");
        }
        if (r.continuumStep() < 1 || r.continuumStep() > LAST_STEP) {
            problems.add("grant.step.invalid");
        }
        if (r.purpose() == null || r.purpose().strip().length() < MIN_PURPOSE) {
            problems.add("grant.purpose.tooShort:" + MIN_PURPOSE);
        }
        if (r.amount() == null || r.amount().signum() <= 0 || r.amount().scale() > 2) {
            problems.add("grant.amount.invalid");
        }
        if (r.currency() == null || !isCurrencyCode(r.currency())) {
            problems.add("grant.currency.invalid");
        }
        if (r.totalCost() == null || r.amount() != null && r.totalCost().compareTo(r.amount()) < 0) {
            problems.add("grant.totalCost.invalid");
        }
        if (r.costsFrom() == null) {
            problems.add("grant.costsFrom.required");
        }
        if (r.tranches() < 1 || r.tranches() > EmergencyGrant.MAX_TRANCHES) {
            problems.add("grant.tranches.invalid:" + EmergencyGrant.MAX_TRANCHES);
        }
        if (r.indicativeRate() == null || r.indicativeRate().signum() <= 0) {
            problems.add("grant.rate.invalid");
        }
        return problems;
    }

    /** Three capital letters, the shape of an ISO 4217 code. */
    public static boolean isCurrencyCode(String code) {
        return code.length() == 3 && code.chars().allMatch(c -> c >= 'A' && c <= 'Z');
    }

    static String money(BigDecimal amount, String currency) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + currency;
    }
}
