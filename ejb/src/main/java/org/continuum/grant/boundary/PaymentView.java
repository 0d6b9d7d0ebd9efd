package org.continuum.grant.boundary;

import java.io.Serializable;
import org.continuum.grant.entity.DisbursementMethod;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A payment; its reference and proof of receipt only for coordinators (null for others). */
public record PaymentView(int tranche, BigDecimal amount, DisbursementMethod method,
                          LocalDate paidOn, String recordedBy, Instant recordedAt, String reference,
                          String proofOfReceipt) implements Serializable {
}
