package org.continuum.reference.entity;

/**
 * The requester's situation, which changes what help fits (some funds pay nothing to people already in exile, partners
 * say which situations they help). It is reference vocabulary shared by case files, partners and funds.
 */
public enum Situation {
    IN_COUNTRY_OF_DANGER,
    INTERNALLY_DISPLACED,
    ASYLUM_SEEKER,
    RECOGNISED_REFUGEE,
    PROFESSIONAL_DEFENDER
}
