package org.continuum.notification.entity;

/** Why a staff member is told something. Users may switch each kind off; names never change (preferences keep them). */
public enum NotificationKind {
    TASK_ASSIGNED,
    CASE_ASSIGNED,
    DEADLINE_MISSED,
    APPROVAL_NEEDED,
    REPORT_OVERDUE,
    REFERRAL_ANSWER_OVERDUE
}
