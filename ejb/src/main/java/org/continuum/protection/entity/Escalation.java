package org.continuum.protection.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.continuum.casefile.entity.RelocationScope;
import org.continuum.platform.control.RowIdSequences;
import org.continuum.security.control.Sealed;
import org.continuum.security.control.SealedRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A proposal to relocate, with the evidence for every lower continuum step, and its four-eyes decision. The
 * approver can never be the proposer: checked here, in the boundary, in the process and by a database constraint.
 */
@Entity
@Table(name = "escalation")
public class Escalation implements SealedRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "escalation_ids")
    @SequenceGenerator(name = "escalation_ids", sequenceName = "escalation_ids", allocationSize = RowIdSequences.ALLOCATION)
    private Long id;

    @Column(name = "casefile_id", nullable = false, updatable = false)
    private long caseFileId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20, updatable = false)
    private RelocationScope scope;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private EscalationStatus status;

    @Column(name = "proposed_by", nullable = false, length = 80, updatable = false)
    private String proposedBy;

    @Column(name = "proposed_at", nullable = false, updatable = false)
    private Instant proposedAt;

    @Sealed
    @Column(name = "justification_enc", nullable = false, length = 8192, updatable = false)
    private String justification;

    @OneToMany(mappedBy = "escalation", cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
    @OrderBy("continuumStep")
    private List<StepEvidence> evidence = new ArrayList<>();

    @Column(name = "decided_by", length = 80)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Sealed
    @Column(name = "decision_note_enc", length = 8192)
    private String decisionNote;

    @Version
    private long version;

    protected Escalation() {
    }

    public Escalation(long caseFileId, RelocationScope scope, String proposedBy, String justification,
                      List<StepEvidence> evidence, Instant now) {
        this.caseFileId = caseFileId;
        this.scope = Objects.requireNonNull(scope, "escalation.scope.required");
        this.proposedBy = Objects.requireNonNull(proposedBy);
        if (justification == null || justification.isBlank()) {
            throw new IllegalArgumentException("escalation.justification.required");
        }
        this.justification = justification.strip();
        this.evidence = new ArrayList<>(evidence.stream().map(e -> e.of(this)).toList());
        this.status = EscalationStatus.PROPOSED;
        this.proposedAt = now;
    }

    public void decide(boolean approve, String decider, String note, Instant now) {
        if (status != EscalationStatus.PROPOSED) {
            throw new IllegalStateException("escalation.notPending");
        }
        if (Objects.requireNonNull(decider).equals(proposedBy)) {
            throw new IllegalArgumentException("escalation.ownProposal");
        }
        if (!approve && (note == null || note.isBlank())) {
            throw new IllegalArgumentException("escalation.rejectionReason.required");
        }
        this.status = approve ? EscalationStatus.APPROVED : EscalationStatus.REJECTED;
        this.decidedBy = decider;
        this.decidedAt = now;
        this.decisionNote = note == null || note.isBlank() ? null : note.strip();
    }

    public void refuseByGate() {
        if (status == EscalationStatus.PROPOSED) {
            status = EscalationStatus.REFUSED_BY_GATE;
        }
    }

    public Long getId() {
        return id;
    }

    public long getCaseFileId() {
        return caseFileId;
    }

    public RelocationScope getScope() {
        return scope;
    }

    public EscalationStatus getStatus() {
        return status;
    }

    public String getProposedBy() {
        return proposedBy;
    }

    public Instant getProposedAt() {
        return proposedAt;
    }

    public String getJustification() {
        return justification;
    }

    public List<StepEvidence> getEvidence() {
        return List.copyOf(evidence);
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecisionNote() {
        return decisionNote;
    }

    @Override
    public String sealingScope() {
        return SealedRecord.caseFile(caseFileId);
    }
}
