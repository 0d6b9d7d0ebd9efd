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
import org.continuum.platform.control.RowIdSequences;
import org.continuum.security.control.Sealed;
import org.continuum.security.control.SealedRecord;

import java.time.Instant;
import java.time.Year;

/** A family member of the person; those who travel count towards a programme's places. Name and birth year sealed. */
@Entity
@Table(name = "dependant")
public class Dependant implements SealedRecord {

    public enum Relationship { PARTNER, CHILD, PARENT, SIBLING, OTHER }

    public static final int NAME_MAX = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dependant_ids")
    @SequenceGenerator(name = "dependant_ids", sequenceName = "dependant_ids", allocationSize = RowIdSequences.ALLOCATION)
    private Long id;

    @Column(name = "casefile_id", nullable = false, updatable = false)
    private Long caseFileId;

    @Sealed
    @Column(name = "name_enc", nullable = false, length = 2048)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Relationship relationship;

    @Sealed
    @Column(name = "birth_year_enc", length = 400)
    private String birthYear;

    @Column(nullable = false)
    private boolean travelling;

    @Column(name = "created_by", nullable = false, updatable = false, length = 80)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Dependant() {
    }

    public Dependant(long caseFileId, String name, Relationship relationship, Integer birthYear, boolean travelling,
                     String by, Instant at) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("dependant.name.required");
        }
        if (n.length() > NAME_MAX) {
            throw new IllegalArgumentException("dependant.name.tooLong");
        }
        if (relationship == null) {
            throw new IllegalArgumentException("dependant.relationship.required");
        }
        if (birthYear != null && (birthYear < 1900 || birthYear > Year.now().getValue())) {
            throw new IllegalArgumentException("dependant.birthYear.invalid");
        }
        this.caseFileId = caseFileId;
        this.name = n;
        this.relationship = relationship;
        this.birthYear = birthYear == null ? null : birthYear.toString();
        this.travelling = travelling;
        this.createdBy = by;
        this.createdAt = at;
    }

    public void travelling(boolean travels) {
        this.travelling = travels;
    }

    public Long getId() { return id; }
    public Long getCaseFileId() { return caseFileId; }
    public String getName() { return name; }
    public Relationship getRelationship() { return relationship; }
    public Integer getBirthYear() { return birthYear == null ? null : Integer.valueOf(birthYear); }
    public boolean isTravelling() { return travelling; }

    @Override
    public String sealingScope() {
        return SealedRecord.caseFile(caseFileId);
    }
}
