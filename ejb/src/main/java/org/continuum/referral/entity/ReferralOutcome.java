package org.continuum.referral.entity;

/** What an accepted referral brought the person, as the partner or the person reported it. */
public enum ReferralOutcome {
    SERVICE_PROVIDED,
    PARTLY_PROVIDED,
    NOT_PROVIDED,
    PERSON_WITHDREW,
    LOST_CONTACT
}
