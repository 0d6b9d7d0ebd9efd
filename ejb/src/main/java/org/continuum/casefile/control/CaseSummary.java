package org.continuum.casefile.control;

import java.io.Serializable;
import org.continuum.casefile.entity.Phase;
import org.continuum.casefile.entity.Urgency;

import java.time.Instant;

/** One row of the case list. {@code legalName} is null for roles that may not read identities. */
public record CaseSummary(long id, String reference, String pseudonym, String legalName, Phase phase,
                          Urgency urgency, String country, Instant createdAt, boolean triageOverdue) implements Serializable {
}
