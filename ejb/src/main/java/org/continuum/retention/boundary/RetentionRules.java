package org.continuum.retention.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.audit.entity.AuditOutcome;
import org.continuum.identity.control.Caller;
import org.continuum.identity.control.StepUps;
import org.continuum.identity.entity.UserAccount;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.control.Roles;
import org.continuum.retention.control.Retention;
import org.continuum.retention.entity.RetentionRule;
import org.continuum.retention.entity.RetentionRuleChange;

import java.time.Instant;
import java.util.List;

/**
 * The retention rules for administrators: one proposes new figures with a reason, another applies or rejects them
 * after a step-up (never the proposer: refused and audited). Old and new figures go to the audit trail.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class RetentionRules {

    @Inject
    Caller currentCaller;

    @Inject
    Retention retention;

    @Inject
    StepUps stepUps;

    @Inject
    AuditTrail audit;

    public List<RetentionService.Rule> rules() {
        return retention.rules().values().stream().map(r -> new RetentionService.Rule(r.getCode(), r.getKeepDays(),
                r.getExtensionDays(), r.getGraceDays(), r.getUpdatedBy(), r.getUpdatedAt())).toList();
    }

    public List<Change> proposed() {
        String me = currentCaller.account().getUsername();
        return retention.proposedChanges().stream().map(c -> new Change(c.getId(), c.getRule(), c.getKeepDays(),
                c.getExtensionDays(), c.getGraceDays(), c.getReason(), c.getProposedBy(), c.getProposedAt(),
                !c.getProposedBy().equals(me))).toList();
    }

    public long propose(RetentionRule.Code rule, Integer keepDays, Integer extensionDays, Integer graceDays,
                        String reason) {
        UserAccount caller = currentCaller.account();
        List<String> problems = RetentionRuleChange.problems(rule, keepDays, extensionDays, graceDays, reason);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        RetentionRuleChange change = RetentionRuleChange.proposed(rule, keepDays, extensionDays, graceDays, reason,
                caller.getUsername(), Instant.now());
        retention.propose(change);
        audit.record(caller.getUsername(), AuditAction.RETENTION_RULE_PROPOSED, null, "change=" + change.getId()
                + " rule=" + rule + " keep=" + keepDays + " extension=" + extensionDays + " grace=" + graceDays);
        return change.getId();
    }

    public boolean stepUpNeeded() {
        return !stepUps.fresh(currentCaller.account(), Instant.now());
    }

    public void decide(long changeId, boolean apply) {
        UserAccount caller = currentCaller.account();
        RetentionRuleChange change = retention.change(changeId)
                .orElseThrow(() -> new InvalidInput("retention.change.unknown"));
        if (change.getProposedBy().equals(caller.getUsername())) {
            audit.recordIndependently(caller.getUsername(), AuditAction.RETENTION_RULE_DECIDED, null,
                    AuditOutcome.DENIED, "four-eyes own-proposal change=" + changeId);
            throw new InvalidInput("retention.change.ownProposal");
        }
        if (!stepUps.fresh(caller, Instant.now())) {
            throw new InvalidInput("retention.change.reauth.required");
        }
        RetentionRule rule = retention.ruleLocked(change.getRule());
        String before = "keep=" + rule.getKeepDays() + " extension=" + rule.getExtensionDays() + " grace="
                + rule.getGraceDays();
        InvalidInput.whenRefused(() -> change.decide(apply, rule, caller.getUsername(), Instant.now()));
        audit.record(caller.getUsername(), AuditAction.RETENTION_RULE_DECIDED, null, "change=" + changeId
                + (apply ? " applied" : " rejected") + " rule=" + change.getRule() + " was " + before
                + " proposed keep=" + change.getKeepDays() + " extension=" + change.getExtensionDays() + " grace="
                + change.getGraceDays());
    }

    public record Change(long id, RetentionRule.Code rule, int keepDays, int extensionDays, int graceDays,
                         String reason, String proposedBy, Instant proposedAt, boolean mayDecide) implements Serializable {
    }
}
