package org.continuum.protection.entity;

/** What kind of harm a threat aims at. */
public enum ThreatCategory {
    PHYSICAL,
    LEGAL,
    DIGITAL,
    PSYCHOSOCIAL,
    ECONOMIC,
    AGAINST_FAMILY
}
