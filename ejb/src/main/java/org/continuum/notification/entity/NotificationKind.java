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
    /** An administrator reset the person's second factor: they must know, whatever their preferences. */
    SECOND_FACTOR_RESET,
    /** Someone opened a case file of the person's team in an emergency (break-glass): coordinators must know. */
    BREAK_GLASS;

    /** Security notices (about the person's own account, or a break-glass on their team) cannot be switched off. */
    public boolean isMandatory() {
        return this == SECOND_FACTOR_RESET || this == BREAK_GLASS;
    }
}
