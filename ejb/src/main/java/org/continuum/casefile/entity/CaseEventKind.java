package org.continuum.casefile.entity;

/** The kinds of entry on a case file's timeline. New kinds are appended; names never change. */
public enum CaseEventKind {
    INTAKE_REGISTERED,
    TRIAGE_OVERDUE,
    TRIAGED,
    VERIFIED,
    CONSENT_RECORDED,
    RISK_ASSESSED,
    PLAN_UPDATED,
    NEW_THREAT_REPORTED,
    REASSESSED,
    ESCALATION_PROPOSED,
    ESCALATION_REFUSED_BY_GATE,
    ESCALATION_APPROVED,
    ESCALATION_REJECTED,
    RELOCATION_PREPARED,
    ARRIVED,
    RELOCATION_ABORTED,
    CHECK_IN,
    CLOSURE_PROPOSED,
    CLOSURE_REFUSED,
    CLOSED,
    EMERGENCY_GRANT_REQUESTED,
    TASK_REASSIGNED
}
