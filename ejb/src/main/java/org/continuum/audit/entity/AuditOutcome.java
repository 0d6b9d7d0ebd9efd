package org.continuum.audit.entity;

public enum AuditOutcome {
    SUCCESS,
    DENIED,
    FAILURE
}
