package org.continuum.protection.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.continuum.reference.entity.MeasureType;
import org.continuum.security.control.Encrypted;

import java.time.Instant;
import java.util.Objects;

/** A measure of a case file's protection plan, from the catalogue, with its status and the staff member owning it. */
@Entity
@Table(name = "protection_measure")
public class ProtectionMeasure {

    public static final int NOTE_MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
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

    @Convert(converter = Encrypted.class)
    @Column(name = "note_enc", length = 8192)
    private String note;

    @Convert(converter = Encrypted.class)
    @Column(name = "addresses_enc", length = 2048)
    private String addresses;

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
}
