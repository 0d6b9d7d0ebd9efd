package org.continuum.casefile.entity;

/** What the caseworker decided about a possible duplicate found at triage. */
public enum DuplicateDecision {
    /** Not the same person, or no match: a new case file. */
    NEW,
    /** Related (same person, other request): both stay open and point at each other. */
    LINK,
    /** The same request: this case file closes and the existing one goes on. */
    MERGE
}
