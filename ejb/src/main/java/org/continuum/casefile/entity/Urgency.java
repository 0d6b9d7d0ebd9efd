package org.continuum.casefile.entity;

/** Urgency set at intake and confirmed at triage; it sets the triage deadline. */
public enum Urgency {
    CRITICAL,
    HIGH,
    STANDARD
}
