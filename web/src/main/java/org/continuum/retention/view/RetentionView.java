package org.continuum.retention.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.administration.boundary.KeyAdministration;
import org.continuum.identity.boundary.ReauthenticationService;
import org.continuum.identity.view.SessionView;
import org.continuum.identity.view.StepUpForm;
import org.continuum.platform.view.Messages;
import org.continuum.platform.view.ViewActions;
import org.continuum.retention.boundary.RetentionRules;
import org.continuum.retention.boundary.RetentionService;
import org.continuum.retention.entity.RetentionRule;

import java.io.Serializable;
import java.util.List;

/**
 * The retention page ({@code app/retention.xhtml}): for coordinators, what goes within 30 days, the erasure
 * requests waiting and the rules; for coordinators and auditors, the erasure register; for administrators, the
 * rules with their changes (one proposes, another applies).
 */
@Named
@ViewScoped
public class RetentionView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    RetentionService retention;

    @Inject
    RetentionRules rules;

    @Inject
    ReauthenticationService reauth;

    @Inject
    KeyAdministration keys;

    @Inject
    SessionView session;

    private final StepUpForm stepUp = new StepUpForm();
    private final StepUpForm keysStepUp = new StepUpForm();
    private KeyAdministration.Status keyStatus;
    private RetentionService.Overview overview;
    private List<RetentionService.Erased> report = List.of();
    private List<RetentionService.Rule> ruleRows = List.of();
    private List<RetentionRules.Change> changes = List.of();
    private RetentionRule.Code rule;
    private Integer keepDays;
    private Integer extensionDays;
    private Integer graceDays;
    private String reason;

    public void load() {
        if (session.isCoordinator()) {
            ViewActions.run(() -> overview = retention.overview());
        }
        if (session.isReportReader()) {
            ViewActions.run(() -> report = retention.report());
        }
        if (session.isAdmin()) {
            ViewActions.run(() -> {
                ruleRows = rules.rules();
                changes = rules.proposed();
                keyStatus = keys.status();
            });
        }
    }

    /** An administrator proposes new figures for a rule; another one decides. */
    public void propose() {
        if (ViewActions.run(() -> rules.propose(rule, keepDays, extensionDays, graceDays, reason))) {
            Messages.info("retention.change.proposed");
            rule = null;
            keepDays = null;
            extensionDays = null;
            graceDays = null;
            reason = null;
        }
        load();
    }

    /** The second administrator applies or rejects (password and code first when the last step-up is stale). */
    public void decide(long changeId, boolean apply) {
        if (!stepUp.passed(rules.stepUpNeeded(), reauth, "retention.change.reauth.failed")) {
            return;
        }
        if (ViewActions.run(() -> rules.decide(changeId, apply))) {
            Messages.info(apply ? "retention.change.applied" : "retention.change.rejected");
        }
        load();
    }

    /** An administrator rotates the field keys (password and code first when the last step-up is stale). */
    public void rotateKeys() {
        if (!keysStepUp.passed(keys.status().stepUpNeeded(), reauth, "retention.keys.reauth.failed")) {
            return;
        }
        KeyAdministration.Rotated[] done = new KeyAdministration.Rotated[1];
        if (ViewActions.run(() -> done[0] = keys.rotate())) {
            if (done[0].finished()) {
                Messages.info("retention.keys.rotated", done[0].rewrapped());
            } else {
                Messages.info("retention.keys.unfinished", done[0].rewrapped(), done[0].left());
            }
        }
        load();
    }

    /** An administrator rotates the blind-index key (the indexes rebuilt), after the same step-up. */
    public void rotateIndexKey() {
        if (!keysStepUp.passed(keys.status().stepUpNeeded(), reauth, "retention.keys.reauth.failed")) {
            return;
        }
        KeyAdministration.Reindexed[] done = new KeyAdministration.Reindexed[1];
        if (ViewActions.run(() -> done[0] = keys.rotateIndex())) {
            if (done[0].finished()) {
                Messages.info("retention.index.rotated", done[0].reindexed());
            } else {
                Messages.info("retention.index.waiting", done[0].reindexed(), done[0].receiptsWaiting());
            }
        }
        load();
    }

    public KeyAdministration.Status getKeyStatus() {
        return keyStatus;
    }

    public StepUpForm getKeysStepUp() {
        return keysStepUp;
    }

    /** Password and code fields only for someone who has a change to decide and no fresh step-up. */
    public boolean isStepUpNeeded() {
        return changes.stream().anyMatch(RetentionRules.Change::mayDecide) && rules.stepUpNeeded();
    }

    public RetentionRule.Code[] getRuleCodes() {
        return RetentionRule.Code.values();
    }

    public List<RetentionService.Rule> getRuleRows() {
        return ruleRows;
    }

    public List<RetentionRules.Change> getChanges() {
        return changes;
    }

    public StepUpForm getStepUp() {
        return stepUp;
    }

    public RetentionRule.Code getRule() {
        return rule;
    }

    public void setRule(RetentionRule.Code rule) {
        this.rule = rule;
    }

    public Integer getKeepDays() {
        return keepDays;
    }

    public void setKeepDays(Integer keepDays) {
        this.keepDays = keepDays;
    }

    public Integer getExtensionDays() {
        return extensionDays;
    }

    public void setExtensionDays(Integer extensionDays) {
        this.extensionDays = extensionDays;
    }

    public Integer getGraceDays() {
        return graceDays;
    }

    public void setGraceDays(Integer graceDays) {
        this.graceDays = graceDays;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public RetentionService.Overview getOverview() {
        return overview;
    }

    public List<RetentionService.Erased> getReport() {
        return report;
    }
}
