package org.continuum.grant.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.notification.entity.NotificationKind;
import org.continuum.casefile.control.CaseEvents;
import org.continuum.identity.control.Caller;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.audit.entity.AuditOutcome;
import org.continuum.platform.control.CaseAccessDenied;
import org.continuum.casefile.control.CaseGuard;
import org.continuum.casefile.control.TaskKind;
import org.continuum.casefile.control.TaskGuard;
import org.continuum.casefile.control.CaseWorkflow;
import org.continuum.grant.control.GrantWorkflow;
import org.continuum.platform.control.InvalidInput;
import org.continuum.casefile.control.Timeline;
import org.continuum.casefile.control.WorkTask;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.casefile.entity.Phase;
import org.continuum.grant.control.FundRules;
import org.continuum.grant.control.Grants;
import org.continuum.grant.entity.DecisionKind;
import org.continuum.grant.entity.Disbursement;
import org.continuum.grant.entity.EmergencyGrant;
import org.continuum.grant.entity.Fund;
import org.continuum.grant.entity.GrantCategory;
import org.continuum.grant.entity.GrantStatus;
import org.continuum.identity.control.StepUps;
import org.continuum.identity.control.Staff;
import org.continuum.identity.entity.Role;
import org.continuum.platform.control.Roles;
import org.continuum.identity.entity.UserAccount;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Emergency grants, from the case staff's recommendation to the accountability report. Money moves only here, and
 * only once: the grant row is locked for the whole decision or payment, the fund row too before money is committed
 * or paid, both rows are versioned, and database constraints refuse a second payment of a tranche, a fund spent past
 * its budget, a decision by the recommender and two decisions by one person. Every refusal names what to fix.
 */
@Stateless
@RolesAllowed({Roles.CASEWORKER, Roles.SECURITY_MENTOR, Roles.COORDINATOR})
public class GrantService {

    @Inject
    Caller currentCaller;

    @Inject
    StepUps stepUps;

    @Inject
    CaseEvents events;

    @Inject
    Staff staff;

    @Inject
    CaseGuard guard;

    @Inject
    TaskGuard tasks;

    @Inject
    CaseWorkflow workflow;

    @Inject
    GrantWorkflow grantProcess;

    @Inject
    Grants grants;

    @Inject
    Timeline timeline;

    @Inject
    AuditTrail audit;

    /** Funds open today, with their rules, for the request form. */
    public List<FundView> fundsForRequest() {
        return grants.openFunds(today()).stream().map(f -> FundView.of(f, List.of())).toList();
    }

    /**
     * The case staff recommend a grant. The fund's rules and "nothing already funded for the same purpose" are
     * checked first and every problem is listed; then the grant process starts from the case's process.
     */
    public GrantSummary request(long caseFileId, long fundId, EmergencyGrant.Request request) {
        UserAccount caller = currentCaller.account();
        CaseFile caseFile = guard.open(caller, caseFileId, AuditAction.EMERGENCY_GRANT_REQUESTED);
        if (caseFile.getPhase() == Phase.CLOSED) {
            throw new InvalidInput("grant.caseClosed");
        }
        Fund fund = grants.fund(fundId).orElseThrow(() -> new InvalidInput("grant.fund.required"));
        List<String> problems = FundRules.check(fund, request, applicant(caseFile),
                grants.priorGrants(caseFile, null), today(), FundRules.Stage.REQUEST);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Instant now = Instant.now();
        EmergencyGrant grant = InvalidInput.whenRefused(() -> new EmergencyGrant(grants.nextReference(),
                caseFile.getId(), fund, caseFile.getRiskLevel(), request, caller.getUsername(), now));
        grants.add(grant);
        grant.startedProcess(grantProcess.requested(caseFile.getProcessInstanceId(),
                new GrantWorkflow.GrantStart(grant.getId(), grant.getReference(), caller.getUsername(),
                        caseFile.getId(), caseFile.getReference(), caseFile.getTeam().getCode())));
        events.record(caseFile, caller.getUsername(), CaseEventKind.EMERGENCY_GRANT_REQUESTED,
                "grant=" + grant.getReference() + " fund=" + fund.getCode() + " category=" + request.category() + " amount=" + request.amount().toPlainString() + " " + request.currency(),
                null, AuditAction.EMERGENCY_GRANT_REQUESTED, "fund=" + fund.getCode() + " category=" + request.category());
        events.notifyTeam(NotificationKind.APPROVAL_NEEDED, caseFile, Role.COORDINATOR, caller.getUsername(),
                "grant=" + grant.getId());
        return summary(grant, caseFile.getReference(), caller);
    }

    public List<GrantSummary> ofCase(long caseFileId) {
        UserAccount caller = currentCaller.account();
        CaseFile caseFile = guard.open(caller, caseFileId, AuditAction.GRANT_VIEWED);
        return grants.ofCase(caseFileId).stream().map(g -> summary(g, caseFile.getReference(), caller)).toList();
    }

    /** One grant with its whole history, for anyone with need to know on its case; payment details for coordinators. */
    public GrantDetails grant(long grantId) {
        UserAccount caller = currentCaller.account();
        EmergencyGrant grant = grants.find(grantId).orElseThrow(() -> deny(caller, null, "grant-not-found"));
        CaseFile caseFile = guard.open(caller, grant.getCaseFileId(), AuditAction.GRANT_VIEWED);
        audit.record(caller.getUsername(), AuditAction.GRANT_VIEWED, caseFile.getId(), "category=" + grant.getCategory());
        WorkTask task = grantProcess.openTask(grantId).orElse(null);
        TaskKind kind = task == null ? null : TaskKind.of(task.definitionKey()).orElse(null);
        boolean free = task != null && (task.assignee() == null || task.assignee().equals(caller.getUsername()));
        List<String> ruleProblems = grant.getStatus() == GrantStatus.RECOMMENDED
                ? FundRules.check(grant.getFund(), asRequest(grant, grant.getAmount(), grant.getExchangeRate()),
                applicant(caseFile), grants.priorGrants(caseFile, grant.getId()),
                today(), FundRules.Stage.DECISION)
                : List.of();
        boolean stepUpNeeded = !stepUps.fresh(caller, Instant.now());
        return GrantDetails.of(grant, summary(grant, caseFile.getReference(), caller), caller, free ? kind : null,
                ruleProblems, stepUpNeeded);
    }

    /** A coordinator who did not recommend the grant (and has not decided it yet) approves, partly approves or rejects. */
    @RolesAllowed(Roles.COORDINATOR)
    public GrantSummary decide(long grantId, Decision decision) {
        UserAccount caller = currentCaller.account();
        EmergencyGrant grant = grants.lock(grantId).orElseThrow(() -> deny(caller, null, "grant-not-found"));
        if (!grant.getStatus().isOpenForDecision()) {
            throw new InvalidInput("grant.notOpenForDecision");
        }
        TaskKind expected = grant.getStatus() == GrantStatus.AWAITING_SECOND_APPROVAL
                ? TaskKind.SECOND_GRANT_APPROVAL : TaskKind.DECIDE_GRANT;
        TaskGuard.OpenTask open = openGrantTask(caller, grant, expected, AuditAction.GRANT_DECIDED,
                "grant.notOpenForDecision");
        CaseFile caseFile = open.caseFile();
        if (grant.getRecommendedBy().equals(caller.getUsername())) {
            throw fourEyes(caller, grant, "own-recommendation", "grant.fourEyes.ownRecommendation");
        }
        if (grant.getDecisions().stream().anyMatch(d -> d.getDecidedBy().equals(caller.getUsername()))) {
            throw fourEyes(caller, grant, "same-approver", "grant.fourEyes.sameApprover");
        }
        requireStepUp(caller);
        if (decision.kind() == null) {
            throw new InvalidInput("grant.decision.kind.required");
        }
        BigDecimal rate = decision.exchangeRate();
        if (decision.kind().approves() && grant.getStatus() == GrantStatus.RECOMMENDED) {
            BigDecimal amount = decision.kind() == DecisionKind.APPROVE ? grant.getAmount() : decision.approvedAmount();
            List<String> problems = amount == null || rate == null ? List.of()
                    : FundRules.check(grant.getFund(), asRequest(grant, amount, rate), applicant(caseFile),
                    grants.priorGrants(caseFile, grant.getId()), today(), FundRules.Stage.DECISION);
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
        }
        Instant now = Instant.now();
        BigDecimal toCommit = InvalidInput.whenRefused(() -> grant.decide(decision.kind(), caller.getUsername(),
                decision.approvedAmount(), rate, decision.reason(), decision.noConflictDeclared(), now));
        if (toCommit != null) {
            Fund fund = grants.lockFund(grant.getFund());
            InvalidInput.whenRefused(() -> fund.commit(toCommit));
        }
        grants.flush();
        String outcome = switch (grant.getStatus()) {
            case APPROVED -> "APPROVED";
            case AWAITING_SECOND_APPROVAL -> "AWAITING_SECOND_APPROVAL";
            default -> "REJECTED";
        };
        workflow.complete(open.task().id(), caller.getUsername(), Map.of(GrantWorkflow.Var.GRANT_DECISION, outcome));
        CaseEventKind event = switch (grant.getStatus()) {
            case APPROVED -> CaseEventKind.GRANT_APPROVED;
            case AWAITING_SECOND_APPROVAL -> CaseEventKind.GRANT_FIRST_APPROVAL;
            default -> CaseEventKind.GRANT_REJECTED;
        };
        events.record(caseFile, caller.getUsername(), event,
                "grant=" + grant.getReference() + " decision=" + decision.kind() + (grant.getApprovedInFundCurrency() == null ? "" : " amount=" + grant.getApprovedInFundCurrency().toPlainString() + " " + grant.getFund().getCurrency()),
                decision.reason(), AuditAction.GRANT_DECIDED,
                decision.kind() + " status=" + grant.getStatus());
        return summary(grant, caseFile.getReference(), caller);
    }

    /** Records the payment of the next tranche of an approved grant. A tranche is paid once, whatever happens. */
    @RolesAllowed(Roles.COORDINATOR)
    public GrantSummary disburse(long grantId, BigDecimal amount, Disbursement.Payment payment) {
        UserAccount caller = currentCaller.account();
        EmergencyGrant grant = grants.lock(grantId).orElseThrow(() -> deny(caller, null, "grant-not-found"));
        if (grant.getStatus() != GrantStatus.APPROVED) {
            throw new InvalidInput("grant.notPayable");
        }
        TaskGuard.OpenTask open = openGrantTask(caller, grant, TaskKind.DISBURSE_GRANT, AuditAction.GRANT_DISBURSED,
                "grant.notPayable");
        if (grant.getRecommendedBy().equals(caller.getUsername())) {
            throw fourEyes(caller, grant, "recommender-pays", "grant.fourEyes.recommenderPays");
        }
        if (grant.isSoleApprover(caller.getUsername())) {
            throw fourEyes(caller, grant, "sole-approver-pays", "grant.fourEyes.soleApproverPays");
        }
        requireStepUp(caller);
        Instant now = Instant.now();
        Disbursement paid = InvalidInput.whenRefused(() -> grant.pay(amount, payment, caller.getUsername(), now,
                today()));
        Fund fund = grants.lockFund(grant.getFund());
        InvalidInput.whenRefused(() -> fund.pay(paid.getAmount()));
        grants.flush();
        Map<String, Object> variables = new HashMap<>();
        variables.put(GrantWorkflow.Var.MORE_TRANCHES, grant.moreTranchesToPay());
        variables.put(GrantWorkflow.Var.REPORT_REQUIRED, grant.awaitsReport());
        variables.put(GrantWorkflow.Var.REPORT_DUE_AT, Date.from(grant.awaitsReport()
                ? grant.getReportDueOn().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant() : now));
        workflow.complete(open.task().id(), caller.getUsername(), variables);
        timeline.record(open.caseFile(), caller.getUsername(), CaseEventKind.GRANT_DISBURSED,
                "grant=" + grant.getReference() + " tranche=" + paid.getTranche() + "/" + grant.getTranches()
                        + " amount=" + paid.getAmount().toPlainString() + " " + fund.getCurrency()
                        + " method=" + paid.getMethod(), null);
        audit.record(caller.getUsername(), AuditAction.GRANT_DISBURSED, grant.getCaseFileId(),
                "tranche=" + paid.getTranche());
        return summary(grant, open.caseFile().getReference(), caller);
    }

    /** The case team records that the accountability report on the use of the money came in. */
    @RolesAllowed(Roles.CASEWORKER)
    public GrantSummary reportReceived(long grantId, String note) {
        UserAccount caller = currentCaller.account();
        EmergencyGrant grant = grants.lock(grantId).orElseThrow(() -> deny(caller, null, "grant-not-found"));
        TaskGuard.OpenTask open = openGrantTask(caller, grant, TaskKind.RECEIVE_GRANT_REPORT,
                AuditAction.GRANT_REPORT_RECEIVED, "grant.report.notDue");
        InvalidInput.whenRefused(() -> grant.reportReceived(Instant.now()));
        workflow.complete(open.task().id(), caller.getUsername(), Map.of());
        timeline.record(open.caseFile(), caller.getUsername(), CaseEventKind.GRANT_REPORT_RECEIVED,
                "grant=" + grant.getReference(), note == null || note.isBlank() ? null : note.strip());
        audit.record(caller.getUsername(), AuditAction.GRANT_REPORT_RECEIVED, grant.getCaseFileId(), "report");
        return summary(grant, open.caseFile().getReference(), caller);
    }

    /** The coordinator's desk: grants waiting for my decision, approved grants to pay, overdue reports. */
    @RolesAllowed(Roles.COORDINATOR)
    public Desk desk() {
        UserAccount caller = currentCaller.account();
        if (caller.getTeam() == null) {
            return new Desk(List.of(), List.of(), List.of());
        }
        String team = caller.getTeam().getCode();
        LocalDate today = today();
        List<GrantSummary> awaiting = new ArrayList<>();
        List<GrantSummary> toPay = new ArrayList<>();
        List<GrantSummary> overdue = new ArrayList<>();
        List<EmergencyGrant> open = grants.ofTeam(team, EnumSet.of(GrantStatus.RECOMMENDED,
                GrantStatus.AWAITING_SECOND_APPROVAL, GrantStatus.APPROVED, GrantStatus.DISBURSED));
        Map<Long, String> references = grants.caseReferences(
                open.stream().map(EmergencyGrant::getCaseFileId).collect(java.util.stream.Collectors.toSet()));
        for (EmergencyGrant g : open) {
            String ref = references.get(g.getCaseFileId());
            if (g.mayBeDecidedBy(caller.getUsername())) {
                awaiting.add(summary(g, ref, caller));
            } else if (g.getStatus() == GrantStatus.APPROVED) {
                toPay.add(summary(g, ref, caller));
            } else if (g.isReportLate(today)) {
                overdue.add(summary(g, ref, caller));
            }
        }
        return new Desk(awaiting, toPay, overdue);
    }

    private TaskGuard.OpenTask openGrantTask(UserAccount caller, EmergencyGrant grant, TaskKind expected,
                                             AuditAction action, String notOpenKey) {
        WorkTask task = grantProcess.openTask(grant.getId())
                .filter(t -> t.definitionKey().equals(expected.definitionKey()))
                .orElse(null);
        if (task == null) {
            // Nothing to do on this grant at this step (already decided or paid): still a need-to-know check first.
            guard.open(caller, grant.getCaseFileId(), action);
            throw new InvalidInput(notOpenKey);
        }
        return tasks.open(caller, task.id(), expected, action);
    }

    private void requireStepUp(UserAccount caller) {
        if (!stepUps.fresh(caller, Instant.now())) {
            throw new InvalidInput("grant.reauth.required");
        }
    }

    private InvalidInput fourEyes(UserAccount caller, EmergencyGrant grant, String reason, String key) {
        audit.recordIndependently(caller.getUsername(), AuditAction.GRANT_DECIDED, grant.getCaseFileId(),
                AuditOutcome.DENIED, "four-eyes " + reason);
        return new InvalidInput(key);
    }

    private CaseAccessDenied deny(UserAccount caller, Long caseFileId, String reason) {
        audit.recordIndependently(caller.getUsername(), AuditAction.GRANT_VIEWED, caseFileId, AuditOutcome.DENIED,
                reason);
        return new CaseAccessDenied();
    }

    private static EmergencyGrant.Request asRequest(EmergencyGrant g, BigDecimal amount, BigDecimal rate) {
        return new EmergencyGrant.Request(g.getCategory(), g.getContinuumStep(), g.getPurpose(), amount,
                g.getCurrency(), g.getTotalCost(), g.getCostsFrom(), g.getTranches(), g.isTargetedForWork(),
                g.isNotFundedElsewhere(), rate);
    }

    private static FundRules.Applicant applicant(CaseFile caseFile) {
        return new FundRules.Applicant(caseFile.getSituation(), caseFile.getPhase());
    }

    private GrantSummary summary(EmergencyGrant g, String caseReference, UserAccount caller) {
        return GrantSummary.of(g, caseReference, caller, today());
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
