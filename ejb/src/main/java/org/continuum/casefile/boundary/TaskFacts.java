package org.continuum.casefile.boundary;

import org.continuum.casefile.control.TaskKind;
import org.continuum.casefile.control.WorkTask;
import org.continuum.casefile.entity.Outcome;
import org.continuum.casefile.entity.Phase;
import org.continuum.casefile.entity.RelocationScope;
import org.continuum.casefile.entity.RequestType;
import org.continuum.casefile.entity.RiskLevel;
import org.continuum.reference.entity.Situation;
import org.continuum.casefile.entity.Urgency;

import java.io.Serializable;
import java.time.Instant;

/**
 * What a task form shows about its case file: pseudonymous facts only, never the requester's identity. Held by the
 * form's view, so copied with the web session to the other node of a cluster.
 */
public record TaskFacts(WorkTask task, TaskKind kind, long caseFileId, String reference, String pseudonym,
                          Phase phase, Urgency urgency, RiskLevel riskLevel, Situation situation,
                          RequestType requestType, String country, Instant nextReviewAt,
                          RelocationScope relocationScope, Instant arrivedAt, int checkInsDone,
                          Outcome proposedOutcome, String closureProposedBy) implements Serializable {
}
