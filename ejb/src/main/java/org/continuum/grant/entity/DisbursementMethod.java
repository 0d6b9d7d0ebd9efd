package org.continuum.grant.entity;

/** The safe channels money reaches a person through. */
public enum DisbursementMethod {
    BANK_TRANSFER,
    MONEY_TRANSFER_AGENT,
    PARTNER_ORGANISATION,
    CASH
}
