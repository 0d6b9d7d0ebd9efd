package org.continuum.safeplace.entity;

/** What kind of place pledged to shelter a person until help arrives. */
public enum SafePlaceKind {
    PUBLIC_SERVICE,
    BUSINESS,
    ASSOCIATION,
    SCHOOL,
    SHELTER
}
