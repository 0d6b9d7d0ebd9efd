package org.continuum.relocation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.continuum.security.control.Sealed;
import org.continuum.security.control.SealedRecord;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A programme's places for the organisation in one year, counted in persons (family members included): how many
 * it was given, how many are reserved by waiting applications and how many are used by issued visas or travel
 * documents. Read and changed under a row lock, so two caseworkers submitting at once cannot both take the last
 * place; the database refuses a sum above the allocation as a second line.
 */
@Entity
@Table(name = "programme_year")
@IdClass(ProgrammeYear.Key.class)
public class ProgrammeYear implements SealedRecord {

    /** The composite key: programme and year. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long programmeId;
        private Integer year;

        public Key() {
        }

        public Key(Long programmeId, Integer year) {
            this.programmeId = programmeId;
            this.year = year;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(programmeId, k.programmeId) && Objects.equals(year, k.year);
        }

        @Override
        public int hashCode() {
            return Objects.hash(programmeId, year);
        }

        /** How a sealed value of the row names it (the binding of its associated data). */
        @Override
        public String toString() {
            return programmeId + "/" + year;
        }
    }

    @Id
    @Column(name = "programme_id")
    private Long programmeId;

    @Id
    @Column(name = "year_number")
    private Integer year;

    /** Null: the programme states no allocation for the organisation, so no place is counted against one. */
    private Integer allocated;

    @Column(nullable = false)
    private int reserved;

    @Column(nullable = false)
    private int used;

    @Column(name = "allocated_by", length = 80)
    private String allocatedBy;

    @Column(name = "allocated_at")
    private Instant allocatedAt;

    @Sealed
    @Column(name = "allocation_reason_enc", length = 4096)
    private String allocationReason;

    @Version
    private long version;

    protected ProgrammeYear() {
    }

    public ProgrammeYear(Long programmeId, int year, Integer allocated) {
        this.programmeId = Objects.requireNonNull(programmeId);
        this.year = year;
        this.allocated = allocated;
    }

    /** Places left, or null when there is no allocation to count against. */
    public Integer remaining() {
        return allocated == null ? null : allocated - reserved - used;
    }

    /** Reserves places for a submitted application; false (and nothing changed) when too few are left. */
    public boolean reserve(int persons) {
        Integer left = remaining();
        if (left != null && persons > left) {
            return false;
        }
        reserved += persons;
        return true;
    }

    /** The visa or travel document was issued: the reserved places are now used. */
    public void use(int persons) {
        reserved = Math.max(0, reserved - persons);
        used += persons;
    }

    /** A refused or withdrawn application gives its places back. */
    public void release(int persons, boolean wasUsed) {
        if (wasUsed) {
            used = Math.max(0, used - persons);
        } else {
            reserved = Math.max(0, reserved - persons);
        }
    }

    /** A coordinator sets this year's allocation; refused below what is already reserved and used. */
    public void allocate(Integer places, String by, String reason, Instant at) {
        if (places != null && (places < 0 || places < reserved + used)) {
            throw new IllegalArgumentException("programme.allocation.belowTaken");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("programme.allocation.reason");
        }
        allocated = places;
        allocatedBy = by;
        allocationReason = reason.strip();
        allocatedAt = at;
    }

    public Long getProgrammeId() { return programmeId; }
    public int getYear() { return year; }
    public Integer getAllocated() { return allocated; }
    public int getReserved() { return reserved; }
    public int getUsed() { return used; }
    public String getAllocatedBy() { return allocatedBy; }
    public Instant getAllocatedAt() { return allocatedAt; }

    @Override
    public String sealingScope() {
        return GENERAL;
    }
}
