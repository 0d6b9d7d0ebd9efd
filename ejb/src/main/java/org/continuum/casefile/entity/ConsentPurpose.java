package org.continuum.casefile.entity;

/** What a consent covers. Sharing is always with one named partner; contact is always by one channel. */
public enum ConsentPurpose {
    STORAGE,
    SHARE_WITH_PARTNER,
    CONTACT_BY_CHANNEL
}
