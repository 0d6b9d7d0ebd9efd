package org.continuum.audit.entity;

/** What happened. New actions are appended; existing names never change because exports refer to them. */
public enum AuditAction {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    LOGIN_LOCKED_OUT,
    LOGOUT,
    CASE_CREATED,
    CASE_VIEWED,
    CASE_SEARCHED_BY_NAME,
    CASE_TRIAGED,
    CASE_TRIAGE_OVERDUE,
    TASK_OPENED,
    SEED_LOADED
}
