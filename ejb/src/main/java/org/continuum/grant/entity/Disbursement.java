package org.continuum.grant.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.continuum.platform.control.RowIdSequences;
import org.continuum.security.control.Sealed;
import org.continuum.security.control.SealedRecord;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One tranche paid. The database holds at most one row per grant and tranche number, so a payment recorded twice
 * (two coordinators, two clicks, a retried request) fails instead of paying twice. The payment reference and the
 * proof of receipt can name the beneficiary or their bank: they are sealed.
 */
@Entity
@Table(name = "disbursement")
public class Disbursement implements SealedRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "disbursement_ids")
    @SequenceGenerator(name = "disbursement_ids", sequenceName = "disbursement_ids", allocationSize = RowIdSequences.ALLOCATION)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "grant_id", nullable = false, updatable = false)
    private EmergencyGrant grant;

    @Column(nullable = false, updatable = false)
    private int tranche;

    @Column(name = "amount_in_fund_currency", nullable = false, precision = 14, scale = 2, updatable = false)
    private BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30, updatable = false)
    private DisbursementMethod method;

    @Sealed
    @Column(name = "reference_enc", nullable = false, length = 1024, updatable = false)
    private String paymentReference;

    @Sealed
    @Column(name = "proof_enc", length = 4096, updatable = false)
    private String proofOfReceipt;

    @Column(name = "paid_on", nullable = false, updatable = false)
    private LocalDate paidOn;

    @Column(name = "recorded_by", nullable = false, length = 80, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected Disbursement() {
    }

    Disbursement(EmergencyGrant grant, int tranche, BigDecimal amount, Payment payment, String recordedBy,
                 Instant recordedAt) {
        this.grant = grant;
        this.tranche = tranche;
        this.amount = amount;
        this.method = payment.method();
        this.paymentReference = payment.reference();
        this.proofOfReceipt = payment.proofOfReceipt();
        this.paidOn = payment.paidOn();
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    /** How a tranche was paid, as the coordinator records it. */
    public record Payment(DisbursementMethod method, String reference, String proofOfReceipt, LocalDate paidOn) {
    }

    public Long getId() {
        return id;
    }

    public int getTranche() {
        return tranche;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public DisbursementMethod getMethod() {
        return method;
    }

    public String getPaymentReference() {
        return paymentReference;
    }

    public String getProofOfReceipt() {
        return proofOfReceipt;
    }

    public LocalDate getPaidOn() {
        return paidOn;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    @Override
    public String sealingScope() {
        return SealedRecord.caseFile(grant.getCaseFileId());
    }
}
