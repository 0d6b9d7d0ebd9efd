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
    CLOSED;

    private static final java.util.List<Phase> OPEN = java.util.Arrays.stream(values())
            .filter(p -> p != CLOSED).toList();

    /** Every phase but {@link #CLOSED}, in the continuum's order. */
    public static java.util.List<Phase> open() {
        return OPEN;
    }
}
