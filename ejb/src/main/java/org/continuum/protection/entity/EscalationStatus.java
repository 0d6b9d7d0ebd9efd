package org.continuum.protection.entity;

public enum EscalationStatus {
    PROPOSED,
    APPROVED,
    REJECTED,
    /** Stopped by the process's own last-resort check (the boundary was bypassed or the plan changed). */
    REFUSED_BY_GATE
}
