package org.continuum.referral.entity;

/** Where a referral stands in its loop: sent, answered by the partner, and (when accepted) its outcome recorded. */
public enum ReferralStatus {
    SENT,
    ACCEPTED,
    DECLINED,
    COMPLETED
}
