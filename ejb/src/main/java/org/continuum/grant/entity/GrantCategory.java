package org.continuum.grant.entity;

/** What a grant pays for. Funds list the categories they accept. */
public enum GrantCategory {
    PHYSICAL_SECURITY,
    DIGITAL_SECURITY,
    COMMUNICATIONS,
    SECURE_TRANSPORT,
    RELOCATION_TRAVEL,
    TEMPORARY_HOUSING,
    LEGAL,
    MEDICAL,
    PSYCHOSOCIAL,
    FAMILY_HUMANITARIAN,
    SUBSISTENCE,
    EQUIPMENT_REPLACEMENT,
    OTHER
}
