package org.continuum.casefile.control;

import java.io.Serializable;
import org.continuum.casefile.entity.Phase;
import org.continuum.casefile.entity.RiskLevel;

import java.time.Instant;

/** A case file's next review (reassessment or check-in) on the dashboard: plain columns, nothing sealed. */
public record ReviewDue(long caseFileId, String reference, String pseudonym, Phase phase, RiskLevel risk,
                        Instant dueAt) implements Serializable {
}
