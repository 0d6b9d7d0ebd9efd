package org.continuum.casefile.entity;

/** What the requester asks for at intake; triage may find that another step of the continuum fits better. */
public enum RequestType {
    RELOCATION,
    EMERGENCY_AID,
    PROTECTION_SUPPORT,
    LEGAL_SUPPORT,
    PSYCHOSOCIAL_SUPPORT,
    DIGITAL_SECURITY
}
