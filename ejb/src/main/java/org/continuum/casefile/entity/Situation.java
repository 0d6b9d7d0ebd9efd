package org.continuum.casefile.entity;

/** The requester's situation, which changes what help fits (for example, some funds pay nothing to people already in exile). */
public enum Situation {
    IN_COUNTRY_OF_DANGER,
    INTERNALLY_DISPLACED,
    ASYLUM_SEEKER,
    RECOGNISED_REFUGEE,
    PROFESSIONAL_DEFENDER
}
