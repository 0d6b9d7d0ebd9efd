package org.continuum.protection.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.continuum.security.control.Encrypted;

import java.util.Objects;

/** The evidence for one lower continuum step: tried or not feasible, and why (sealed: it describes the person). */
@Embeddable
public class StepEvidence {

    @Column(name = "continuum_step", nullable = false)
    private int continuumStep;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private EvidenceKind kind;

    @Convert(converter = Encrypted.class)
    @Column(name = "reason_enc", nullable = false, length = 8192)
    private String reason;

    protected StepEvidence() {
    }

    public StepEvidence(int continuumStep, EvidenceKind kind, String reason) {
        this.continuumStep = continuumStep;
        this.kind = kind;
        this.reason = reason == null ? null : reason.strip();
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
}
