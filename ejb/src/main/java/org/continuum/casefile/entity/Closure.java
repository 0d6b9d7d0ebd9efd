package org.continuum.casefile.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.Instant;
import java.util.Objects;

/**
 * The end of a case file: the outcome, who proposed it (a relocated case's closure waits for someone else's
 * sign-off), and when it closed. A value: each move returns a new one.
 */
@Embeddable
public class Closure {

    @Enumerated(EnumType.STRING)
    @Column(name = "closure_outcome", length = 30)
    private Outcome outcome;

    @Column(name = "closure_proposed_by", length = 80)
    private String proposedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    protected Closure() {
    }

    private Closure(Outcome outcome, String proposedBy, Instant closedAt) {
        this.outcome = outcome;
        this.proposedBy = proposedBy;
        this.closedAt = closedAt;
    }

    static Closure none() {
        return new Closure();
    }

    Closure proposed(Outcome proposedOutcome, String proposer) {
        if (proposedOutcome == null || !proposedOutcome.isChosenAtClosure()) {
            throw new IllegalArgumentException("closure.outcome.invalid");
        }
        return new Closure(proposedOutcome, Objects.requireNonNull(proposer), null);
    }

    /** The proposal is signed off by someone other than its proposer: the case closes with its outcome. */
    Closure signedOff(String signer, Instant now) {
        if (outcome == null) {
            throw new IllegalStateException("closure.notProposed");
        }
        if (signer.equals(proposedBy)) {
            throw new IllegalArgumentException("closure.ownProposal");
        }
        return closed(outcome, now);
    }

    Closure refused() {
        return none();
    }

    /** Closed with this outcome now (after triage, verification, in place, or the signed-off proposal). */
    Closure closed(Outcome finalOutcome, Instant now) {
        return new Closure(Objects.requireNonNull(finalOutcome), proposedBy, now);
    }

    public Outcome outcome() {
        return outcome;
    }

    public String proposedBy() {
        return proposedBy;
    }

    public Instant closedAt() {
        return closedAt;
    }
}
