package org.continuum.relocation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.continuum.platform.control.RowIdSequences;
import org.continuum.security.control.Sealed;
import org.continuum.security.control.SealedRecord;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

/**
 * A travel document of the person (no dependant) or of a dependant: passport, laissez-passer, refugee travel
 * document or visa. Number and issuing country are sealed; the validity dates stay in clear so that the dashboard can
 * find documents about to expire.
 */
@Entity
@Table(name = "travel_document")
public class TravelDocument implements SealedRecord {

    public enum Kind { PASSPORT, LAISSEZ_PASSER, REFUGEE_TRAVEL_DOCUMENT, VISA }

    public enum Status { TO_REQUEST, REQUESTED, VALID, EXPIRED, REFUSED, LOST }

    /** A document expiring within this many days is flagged, whatever the travel date. */
    public static final int EXPIRY_WARNING_DAYS = 90;

    public static final int NUMBER_MAX = 60;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "travel_document_ids")
    @SequenceGenerator(name = "travel_document_ids", sequenceName = "travel_document_ids", allocationSize = RowIdSequences.ALLOCATION)
    private Long id;

    @Column(name = "casefile_id", nullable = false, updatable = false)
    private Long caseFileId;

    @Column(name = "dependant_id", updatable = false)
    private Long dependantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private Kind kind;

    @Sealed
    @Column(name = "issuing_country_enc", nullable = false, length = 400)
    private String issuingCountry;

    @Sealed
    @Column(name = "number_enc", length = 1024)
    private String number;

    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(name = "valid_until")
    private LocalDate validUntil;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(name = "recorded_by", nullable = false, length = 80)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Version
    private long version;

    protected TravelDocument() {
    }

    public TravelDocument(long caseFileId, Long dependantId, Kind kind, String issuingCountry, String number,
                          LocalDate validFrom, LocalDate validUntil, Status status, String by, Instant at) {
        this.caseFileId = caseFileId;
        this.dependantId = dependantId;
        change(kind, issuingCountry, number, validFrom, validUntil, status, by, at);
    }

    /** Corrects or updates the document (a visa issued, a passport renewed). */
    public void change(Kind newKind, String country, String newNumber, LocalDate from, LocalDate until,
                       Status newStatus, String by, Instant at) {
        if (newKind == null) {
            throw new IllegalArgumentException("travelDocument.kind.required");
        }
        if (newStatus == null) {
            throw new IllegalArgumentException("travelDocument.status.required");
        }
        String c = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
        if (!Arrays.asList(Locale.getISOCountries()).contains(c)) {
            throw new IllegalArgumentException("travelDocument.country.invalid");
        }
        String n = newNumber == null || newNumber.isBlank() ? null : newNumber.strip();
        if (n != null && n.length() > NUMBER_MAX) {
            throw new IllegalArgumentException("travelDocument.number.tooLong");
        }
        if (from != null && until != null && from.isAfter(until)) {
            throw new IllegalArgumentException("travelDocument.dates.order");
        }
        if (newStatus == Status.VALID && until == null) {
            throw new IllegalArgumentException("travelDocument.validUntil.required");
        }
        this.kind = newKind;
        this.issuingCountry = c;
        this.number = n;
        this.validFrom = from;
        this.validUntil = until;
        this.status = newStatus;
        this.recordedBy = by;
        this.recordedAt = at;
    }

    /**
     * Why this document needs attention on {@code today} before a travel on {@code travelDate} (null when none is
     * booked): it expires before the travel, or within {@value #EXPIRY_WARNING_DAYS} days; null when it does not.
     */
    public Expiry expiry(LocalDate today, LocalDate travelDate) {
        if (validUntil == null || status != Status.VALID) {
            return null;
        }
        if (validUntil.isBefore(today)) {
            return Expiry.EXPIRED;
        }
        if (travelDate != null && validUntil.isBefore(travelDate)) {
            return Expiry.BEFORE_TRAVEL;
        }
        if (!validUntil.isAfter(today.plusDays(EXPIRY_WARNING_DAYS))) {
            return Expiry.SOON;
        }
        return null;
    }

    public enum Expiry { EXPIRED, BEFORE_TRAVEL, SOON }

    public Long getId() { return id; }
    public Long getCaseFileId() { return caseFileId; }
    public Long getDependantId() { return dependantId; }
    public Kind getKind() { return kind; }
    public String getIssuingCountry() { return issuingCountry; }
    public String getNumber() { return number; }
    public LocalDate getValidFrom() { return validFrom; }
    public LocalDate getValidUntil() { return validUntil; }
    public Status getStatus() { return status; }

    @Override
    public String sealingScope() {
        return SealedRecord.caseFile(caseFileId);
    }
}
