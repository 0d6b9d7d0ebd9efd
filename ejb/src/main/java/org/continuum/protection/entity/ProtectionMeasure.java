package org.continuum.protection.entity;

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
import jakarta.persistence.Version;
import org.continuum.platform.control.RowIdSequences;
import org.continuum.reference.entity.MeasureType;
import org.continuum.reference.entity.Partner;
import org.continuum.safeplace.entity.SafePlace;
import org.continuum.security.control.Sealed;
import org.continuum.security.control.SealedRecord;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A measure of a case file's protection plan, from the catalogue, with its status and the staff member owning it,
 * who provides it (the organisation itself or a partner), when it runs, what came of it and how well it worked.
 * Effectiveness ratings over time, against the risk trend, are the evidence of what protects people.
 */
@Entity
@Table(name = "protection_measure")
public class ProtectionMeasure implements SealedRecord {

    public static final int NOTE_MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "protection_measure_ids")
    @SequenceGenerator(name = "protection_measure_ids", sequenceName = "protection_measure_ids", allocationSize = RowIdSequences.ALLOCATION)
    private Long id;

    @Column(name = "casefile_id", nullable = false, updatable = false)
    private long caseFileId;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "measure_type_id", nullable = false, updatable = false)
    private MeasureType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private MeasureStatus status;

    @Column(nullable = false, length = 80)
    private String owner;

    @Sealed
    @Column(name = "note_enc", length = 8192)
    private String note;

    @Sealed
    @Column(name = "addresses_enc", length = 2048)
    private String addresses;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "provider_partner_id")
    private Partner provider;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "safe_place_id")
    private SafePlace safePlace;

    @Column(name = "starts_on")
    private LocalDate startsOn;

    @Column(name = "ends_on")
    private LocalDate endsOn;

    @Sealed
    @Column(name = "outcome_enc", length = 4096)
    private String outcome;

    @Column(name = "effectiveness")
    private Integer effectiveness;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected ProtectionMeasure() {
    }

    public ProtectionMeasure(long caseFileId, MeasureType type, String owner, Instant now) {
        this.caseFileId = caseFileId;
        this.type = Objects.requireNonNull(type, "plan.measure.required");
        if (type.getContinuumStep() >= 5) {
            throw new IllegalArgumentException("plan.measure.notLocal");
        }
        this.status = MeasureStatus.PLANNED;
        this.owner = Objects.requireNonNull(owner);
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Names the threat or vulnerability this measure addresses (a factor label), or none. */
    public void addresses(String factorLabel) {
        this.addresses = factorLabel == null || factorLabel.isBlank() ? null : factorLabel;
    }

    public String getAddresses() {
        return addresses;
    }

    public void update(MeasureStatus status, String owner, String note, Instant now) {
        this.status = Objects.requireNonNull(status, "plan.status.required");
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("plan.owner.required");
        }
        this.owner = owner.strip();
        if (note != null && note.strip().length() > NOTE_MAX) {
            throw new IllegalArgumentException("plan.note.tooLong");
        }
        this.note = note == null || note.isBlank() ? null : note.strip();
        this.updatedAt = now;
    }

    /** The codes of the catalogue whose measures take place at a registered safe place. */
    public static final java.util.Set<String> SAFE_PLACE_TYPES = java.util.Set.of("safe-place", "shelter-respite");

    /** Who provides the measure (null: the organisation itself), when it runs, what came of it, how well it worked. */
    public void describe(Partner provider, LocalDate startsOn, LocalDate endsOn, String outcome, Integer effectiveness,
                         Instant now) {
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            throw new IllegalArgumentException("measure.dates.order");
        }
        if (effectiveness != null && (effectiveness < 1 || effectiveness > 5)) {
            throw new IllegalArgumentException("measure.effectiveness.range");
        }
        if (effectiveness != null && !status.isTried()) {
            throw new IllegalArgumentException("measure.effectiveness.notTried");
        }
        if (outcome != null && outcome.strip().length() > NOTE_MAX) {
            throw new IllegalArgumentException("measure.outcome.tooLong");
        }
        this.provider = provider;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.outcome = outcome == null || outcome.isBlank() ? null : outcome.strip();
        this.effectiveness = effectiveness;
        this.updatedAt = now;
    }

    /** The registered safe place where this measure happens; only for safe-place and shelter measures. */
    public void atSafePlace(SafePlace place) {
        if (place != null && !SAFE_PLACE_TYPES.contains(type.getCode())) {
            throw new IllegalArgumentException("measure.safePlace.wrongType");
        }
        if (place != null && !place.isOffered()) {
            throw new IllegalArgumentException("safePlace.notOffered");
        }
        this.safePlace = place;
    }

    public Partner getProvider() {
        return provider;
    }

    public SafePlace getSafePlace() {
        return safePlace;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public String getOutcome() {
        return outcome;
    }

    public Integer getEffectiveness() {
        return effectiveness;
    }

    public Long getId() {
        return id;
    }

    public long getCaseFileId() {
        return caseFileId;
    }

    public MeasureType getType() {
        return type;
    }

    public MeasureStatus getStatus() {
        return status;
    }

    public String getOwner() {
        return owner;
    }

    public String getNote() {
        return note;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    @Override
    public String sealingScope() {
        return SealedRecord.caseFile(caseFileId);
    }
}
