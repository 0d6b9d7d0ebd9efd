package org.continuum.safeplace.entity;

/** Only vetted places are offered for cases; a suspended place stays in the registry with its history. */
public enum Vetting {
    PENDING,
    VETTED,
    SUSPENDED
}
