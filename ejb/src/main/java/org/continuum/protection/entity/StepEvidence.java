package org.continuum.protection.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.continuum.security.control.Sealed;
import org.continuum.security.control.SealedRecord;

import java.io.Serializable;

import java.util.Objects;

/**
 * The evidence for one lower continuum step: tried or not feasible, and why (sealed: it describes the person). Made
 * as a value, checked by the last-resort rule, then written once with its escalation, named by it and the step.
 */
@Entity
@Table(name = "escalation_evidence")
@IdClass(StepEvidence.Key.class)
public class StepEvidence implements SealedRecord {

    /** The evidence's name: its escalation's id and the step. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private Long escalation;
        private int continuumStep;

        public Key() {
        }

        public Key(Long escalation, int continuumStep) {
            this.escalation = escalation;
            this.continuumStep = continuumStep;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(escalation, other.escalation)
                    && continuumStep == other.continuumStep;
        }

        @Override
        public int hashCode() {
            return Objects.hash(escalation, continuumStep);
        }

        @Override
        public String toString() {
            return escalation + "/" + continuumStep;
        }
    }

    @Id
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "escalation_id", nullable = false, updatable = false)
    private Escalation escalation;

    @Id
    @Column(name = "continuum_step", nullable = false, updatable = false)
    private int continuumStep;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private EvidenceKind kind;

    @Sealed
    @Column(name = "reason_enc", nullable = false, length = 8192)
    private String reason;

    protected StepEvidence() {
    }

    public StepEvidence(int continuumStep, EvidenceKind kind, String reason) {
        this.continuumStep = continuumStep;
        this.kind = kind;
        this.reason = reason == null ? null : reason.strip();
    }

    /** The same evidence, belonging to {@code owner}. */
    StepEvidence of(Escalation owner) {
        StepEvidence attached = new StepEvidence(continuumStep, kind, reason);
        attached.escalation = owner;
        return attached;
    }

    public int getContinuumStep() {
        return continuumStep;
    }

    public EvidenceKind getKind() {
        return kind;
    }

    public String getReason() {
        return reason;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StepEvidence other && continuumStep == other.continuumStep;
    }

    @Override
    public int hashCode() {
        return Objects.hash(continuumStep);
    }

    @Override
    public String sealingScope() {
        return SealedRecord.caseFile(escalation.getCaseFileId());
    }
}
