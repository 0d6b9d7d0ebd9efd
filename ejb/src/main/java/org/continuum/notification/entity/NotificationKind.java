package org.continuum.notification.entity;

/**
 * Why a staff member is told something. Users may switch each kind off except the security notices about their own
 * account; names never change (preferences keep them).
 */
public enum NotificationKind {
    TASK_ASSIGNED,
    CASE_ASSIGNED,
    DEADLINE_MISSED,
    APPROVAL_NEEDED,
    REPORT_OVERDUE,
    REFERRAL_ANSWER_OVERDUE,
    /** A relocation application has waited longer than its programme's usual time at one step. */
    ROUTE_REMINDER,
    /** The person answered on the receipt page of the public form (the mail names the case, never the text). */
    REQUESTER_ANSWERED,
    /** An administrator reset the person's second factor: they must know, whatever their preferences. */
    SECOND_FACTOR_RESET,
    /** Someone opened a case file of the person's team in an emergency (break-glass): coordinators must know. */
    BREAK_GLASS,
    /** The audit chain's head, exported (for auditors, who keep it outside Continuum). */
    AUDIT_CHAIN_HEAD,
    /** The audit chain was found broken at an export (for auditors). */
    AUDIT_CHAIN_BROKEN;

    /**
     * Security notices (about the person's own account, a break-glass on their team, the audit chain) cannot be
     * switched off.
     */
    public boolean isMandatory() {
        return this == SECOND_FACTOR_RESET || this == BREAK_GLASS || this == AUDIT_CHAIN_HEAD
                || this == AUDIT_CHAIN_BROKEN;
    }
}
