package org.continuum.grant.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.audit.entity.AuditOutcome;
import org.continuum.casefile.control.CaseFiles;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.grant.control.FundDiff;
import org.continuum.grant.control.FundRules;
import org.continuum.grant.control.Grants;
import org.continuum.grant.entity.EmergencyGrant;
import org.continuum.grant.entity.Fund;
import org.continuum.grant.entity.FundChange;
import org.continuum.grant.entity.GrantCategory;
import org.continuum.identity.control.Caller;
import org.continuum.identity.control.Staff;
import org.continuum.identity.control.StepUps;
import org.continuum.identity.entity.Role;
import org.continuum.identity.entity.UserAccount;
import org.continuum.notification.control.Notifier;
import org.continuum.notification.entity.NotificationKind;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.control.Roles;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Coordinators keep the funds and their donor rules. A new fund is created at once (it moves no money); a change of
 * an existing fund's figures or rules is only proposed, and applied when a second coordinator approves it after a
 * step-up (four eyes, as for the money itself). A budget can never drop below what is already committed and paid,
 * and the currency cannot change once money is committed or paid (checked here, by the entity and by the database).
 * They also read every fund's balance and burn-down, with the grants of their own team on it.
 */
@Stateless
@RolesAllowed(Roles.COORDINATOR)
public class FundService {

    static final int MAX_TEXT = 200;

    @Inject
    Grants grants;

    @Inject
    Caller currentCaller;

    @Inject
    CaseFiles caseFiles;

    @Inject
    AuditTrail audit;

    @Inject
    StepUps stepUps;

    @Inject
    Notifier notifier;

    @Inject
    Staff staff;

    /** What the form holds; {@code code} names the fund (new when no fund has it). */
    public record FundForm(String code, String name, String donor, String currency, BigDecimal budget,
                           LocalDate periodStart, LocalDate periodEnd, BigDecimal ceilingPerGrant,
                           BigDecimal dualApprovalAbove, int coFundingPercent, boolean noExileCosts,
                           boolean requiresTargetedForWork, boolean noRetrospective, Integer reportDueDays,
                           Set<GrantCategory> categories) {
    }

    public FundForm form(String code) {
        Fund f = grants.fundByCode(code == null ? "" : code).orElseThrow(() -> new InvalidInput("fund.notFound"));
        Fund.Rules r = f.rules();
        return new FundForm(f.getCode(), f.getName(), f.getDonor(), f.getCurrency(), f.getBudget(),
                f.getPeriodStart(), f.getPeriodEnd(), r.ceilingPerGrant(), r.dualApprovalAbove(),
                r.coFundingPercent(), r.noExileCosts(), r.requiresTargetedForWork(), r.noRetrospective(),
                r.reportDueDays(), r.categories());
    }

    public String save(FundForm form) {
        List<String> problems = problems(form);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Fund.Rules rules = new Fund.Rules(form.ceilingPerGrant(), form.dualApprovalAbove(), form.coFundingPercent(),
                form.noExileCosts(), form.requiresTargetedForWork(), form.noRetrospective(), form.reportDueDays(),
                form.categories());
        String actor = currentCaller.username();
        Fund existing = grants.fundByCode(form.code()).orElse(null);
        if (existing == null) {
            grants.addFund(InvalidInput.whenRefused(() -> new Fund(form.code(), form.name().strip(), form.donor().strip(),
                    form.currency(), form.budget(), form.periodStart(), form.periodEnd(), rules)));
            audit.record(actor, AuditAction.FUND_SAVED, null, "created " + form.code());
        } else {
            propose(existing, form, rules, actor);
        }
        return form.code();
    }

    /** Whether saving this form creates a fund (at once) or proposes a change (for a second coordinator). */
    public boolean exists(String code) {
        return code != null && grants.fundByCode(code).isPresent();
    }

    private void propose(Fund existing, FundForm form, Fund.Rules rules, String actor) {
        grants.lockFund(existing);
        if (!grants.pendingChanges(existing).isEmpty()) {
            throw new InvalidInput("fund.change.pending");
        }
        if (form.budget().compareTo(existing.getCommitted().add(existing.getDisbursed())) < 0) {
            throw new InvalidInput("fund.budget.invalid");
        }
        if (!existing.getCurrency().equals(form.currency())
                && (existing.getCommitted().signum() != 0 || existing.getDisbursed().signum() != 0)) {
            throw new InvalidInput("fund.currency.locked");
        }
        FundChange change = new FundChange(existing, actor, Instant.now(), form.name().strip(), form.donor().strip(),
                form.currency(), form.budget(), form.periodStart(), form.periodEnd(), rules);
        grants.addFundChange(change);
        audit.record(actor, AuditAction.FUND_CHANGE_PROPOSED, null, "change=" + change.getId() + " "
                + FundDiff.of(existing, change));
        notifier.notify(NotificationKind.APPROVAL_NEEDED, null, null, staff.all().stream()
                        .filter(u -> u.isEnabled() && u.hasRole(Role.COORDINATOR) && !u.getUsername().equals(actor))
                        .toList(), "fund-change=" + change.getId());
    }

    /** The changes of a fund that wait for a second coordinator, with what each would change. */
    public List<PendingChange> pendingChanges(String code) {
        Fund fund = grants.fundByCode(code == null ? "" : code).orElseThrow(() -> new InvalidInput("fund.notFound"));
        String me = currentCaller.username();
        return grants.pendingChanges(fund).stream().map(c -> new PendingChange(c.getId(), c.getProposedBy(),
                c.getProposedAt(), FundDiff.lines(fund, c), !c.getProposedBy().equals(me))).toList();
    }

    /** Whether the caller must type their password and a fresh code before applying a change. */
    public boolean stepUpNeeded() {
        return !stepUps.fresh(currentCaller.account(), Instant.now());
    }

    /**
     * A second coordinator applies or rejects a proposed change, after a step-up; never the proposer (refused and
     * audited). Applied, the fund takes the proposed values under its row lock; old and new values are audited.
     */
    public void decideChange(long changeId, boolean apply) {
        UserAccount caller = currentCaller.account();
        FundChange change = grants.lockFundChange(changeId).orElseThrow(() -> new InvalidInput("fund.notFound"));
        if (change.getProposedBy().equals(caller.getUsername())) {
            audit.recordIndependently(caller.getUsername(), AuditAction.FUND_CHANGE_DECIDED, null,
                    AuditOutcome.DENIED, "four-eyes own-proposal change=" + changeId);
            throw new InvalidInput("fund.change.ownProposal");
        }
        if (!stepUps.fresh(caller, Instant.now())) {
            throw new InvalidInput("fund.change.reauth.required");
        }
        Fund fund = grants.lockFund(change.getFund());
        String diff = FundDiff.of(fund, change);
        InvalidInput.whenRefused(() -> change.decide(apply, caller.getUsername(), Instant.now()));
        if (apply) {
            InvalidInput.whenRefused(() -> fund.update(change.getName(), change.getDonor(), change.getCurrency(),
                    change.getBudget(), change.getPeriodStart(), change.getPeriodEnd(), change.rules()));
        }
        audit.record(caller.getUsername(), AuditAction.FUND_CHANGE_DECIDED, null, "change=" + changeId
                + (apply ? " applied " : " rejected ") + "fund=" + fund.getCode() + " " + diff);
    }

    /** A change waiting for a second coordinator: {@code changes} as "field: old → new" lines. */
    public record PendingChange(long id, String proposedBy, Instant proposedAt, List<String> changes,
                                boolean mayDecide) implements Serializable {
    }

    static List<String> problems(FundForm f) {
        List<String> problems = new ArrayList<>();
        if (f.code() == null || f.code().length() < 2 || f.code().length() > 40
                || !f.code().chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
            problems.add("fund.code.invalid");
        }
        if (blank(f.name()) || f.name().length() > MAX_TEXT) {
            problems.add("fund.name.required");
        }
        if (blank(f.donor()) || f.donor().length() > MAX_TEXT) {
            problems.add("fund.donor.required");
        }
        if (f.currency() == null || !FundRules.isCurrencyCode(f.currency())) {
            problems.add("grant.currency.invalid");
        }
        if (f.budget() == null || f.budget().signum() < 0 || f.budget().scale() > 2) {
            problems.add("fund.budget.invalid");
        }
        if (f.periodStart() == null || f.periodEnd() == null || f.periodEnd().isBefore(f.periodStart())) {
            problems.add("fund.period.invalid");
        }
        if (f.ceilingPerGrant() != null && f.ceilingPerGrant().signum() <= 0) {
            problems.add("fund.ceiling.invalid");
        }
        if (f.dualApprovalAbove() == null || f.dualApprovalAbove().signum() < 0) {
            problems.add("fund.dualApproval.invalid");
        }
        if (f.coFundingPercent() < 0 || f.coFundingPercent() > 100) {
            problems.add("fund.coFunding.invalid");
        }
        if (f.reportDueDays() != null && (f.reportDueDays() < 0 || f.reportDueDays() > 3650)) {
            problems.add("fund.reportDays.invalid");
        }
        if (f.categories() == null || f.categories().isEmpty()) {
            problems.add("fund.categories.required");
        }
        return problems;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Every fund with its balance and burn-down; the grants listed are those of the caller's team. */
    public List<FundView> funds() {
        return grants.funds().stream().map(f -> FundView.of(f, burnDown(f))).toList();
    }

    public FundDetails fund(String code) {
        UserAccount caller = currentCaller.account();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Fund fund = grants.fundByCode(code == null ? "" : code).orElseThrow(() -> new InvalidInput("fund.notFound"));
        String team = caller.getTeam() == null ? null : caller.getTeam().getCode();
        Map<Long, CaseFile> cases = new HashMap<>();
        List<GrantSummary> rows = new ArrayList<>();
        int otherTeams = 0;
        for (EmergencyGrant g : grants.ofFund(fund.getId())) {
            CaseFile c = cases.computeIfAbsent(g.getCaseFileId(), id -> caseFiles.get(id));
            if (team != null && team.equals(c.getTeam().getCode())) {
                rows.add(GrantSummary.of(g, c.getReference(), caller, today));
            } else {
                otherTeams++;
            }
        }
        return new FundDetails(FundView.of(fund, burnDown(fund)), rows, otherTeams);
    }

    private List<BurnPoint> burnDown(Fund fund) {
        List<BurnPoint> points = new ArrayList<>();
        BigDecimal remaining = fund.getBudget();
        points.add(new BurnPoint(fund.getPeriodStart(), remaining));
        for (Object[] row : grants.paymentsByDay(fund.getId())) {
            remaining = remaining.subtract((BigDecimal) row[1]);
            points.add(new BurnPoint((LocalDate) row[0], remaining));
        }
        return points;
    }
}
