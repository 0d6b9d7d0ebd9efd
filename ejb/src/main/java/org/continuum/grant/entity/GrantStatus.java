package org.continuum.grant.entity;

/** Where a grant stands. Only APPROVED grants can be paid; money moves once per tranche. */
public enum GrantStatus {
    /** Recommended by the case staff, waiting for a coordinator. */
    RECOMMENDED,
    /** Approved by one coordinator, a second one must approve (above the fund's threshold). */
    AWAITING_SECOND_APPROVAL,
    REJECTED,
    /** Approved (fully or partly), money committed on the fund, tranches to pay. */
    APPROVED,
    /** Every tranche paid, the accountability report is awaited. */
    DISBURSED,
    /** Accountability report received: closed. */
    REPORTED;

    public boolean isOpenForDecision() {
        return this == RECOMMENDED || this == AWAITING_SECOND_APPROVAL;
    }

    /** Counts against "nothing already funded for the same purpose": pending or granted, not rejected. */
    public boolean holdsThePurpose() {
        return this != REJECTED;
    }
}
