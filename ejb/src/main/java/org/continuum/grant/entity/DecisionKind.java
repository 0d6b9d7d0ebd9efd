package org.continuum.grant.entity;

/** A coordinator's decision on a grant. */
public enum DecisionKind {
    APPROVE,
    /** Approve a smaller amount than requested. */
    APPROVE_PARTIALLY,
    REJECT;

    public boolean approves() {
        return this != REJECT;
    }
}
