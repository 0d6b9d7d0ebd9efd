package org.continuum.casefile.entity;

/** How the request reached the organisation. */
public enum Channel {
    WEB_FORM,
    EMAIL,
    PARTNER_REFERRAL,
    PHONE,
    IN_PERSON,
    SECURE_MESSENGER
}
