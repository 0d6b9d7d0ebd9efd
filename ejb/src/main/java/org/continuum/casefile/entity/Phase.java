package org.continuum.casefile.entity;

/** Where a case file stands on the protection continuum; see DOMAIN.md for the phases. */
public enum Phase {
    INTAKE,
    TRIAGE,
    RISK_ASSESSMENT,
    PROTECTION_PLAN,
    ESCALATION,
    RELOCATION,
    EXILE_SUPPORT,
    CLOSED
}
