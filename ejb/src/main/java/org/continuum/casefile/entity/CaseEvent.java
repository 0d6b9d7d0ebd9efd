package org.continuum.casefile.entity;

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
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a case file's timeline: what happened in the case, by whom, in which phase. The summary holds codes
 * (decisions, levels, counts); anything a person wrote goes in the sealed note. Entries are never changed.
 */
@Entity
@Immutable
@Table(name = "case_event")
public class CaseEvent implements SealedRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_event_ids")
    @SequenceGenerator(name = "case_event_ids", sequenceName = "case_event_ids", allocationSize = RowIdSequences.ALLOCATION)
    private Long id;

    @Column(name = "casefile_id", nullable = false, updatable = false)
    private long caseFileId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 80, updatable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40, updatable = false)
    private CaseEventKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30, updatable = false)
    private Phase phase;

    /** Codes only, and sealed all the same: together they tell what happened to a person. */
    @Sealed
    @Column(name = "summary_enc", length = 400, updatable = false)
    private String summary;

    @Sealed
    @Column(name = "note_enc", length = 8192, updatable = false)
    private String note;

    protected CaseEvent() {
    }

    public CaseEvent(long caseFileId, Instant occurredAt, String actor, CaseEventKind kind, Phase phase,
                     String summary, String note) {
        this.caseFileId = caseFileId;
        this.occurredAt = Objects.requireNonNull(occurredAt);
        this.actor = Objects.requireNonNull(actor);
        this.kind = Objects.requireNonNull(kind);
        this.phase = Objects.requireNonNull(phase);
        if (summary != null && !summary.matches("[A-Za-z0-9 ._:=,/-]{0,200}")) {
            throw new IllegalArgumentException("timeline summary must be codes, not free text");
        }
        this.summary = summary;
        this.note = CaseFile.optional(note, CaseFile.TEXT_MAX, "timeline.note");
    }

    public Long getId() {
        return id;
    }

    public long getCaseFileId() {
        return caseFileId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public CaseEventKind getKind() {
        return kind;
    }

    public Phase getPhase() {
        return phase;
    }

    public String getSummary() {
        return summary;
    }

    public String getNote() {
        return note;
    }

    @Override
    public String sealingScope() {
        return SealedRecord.caseFile(caseFileId);
    }
}
