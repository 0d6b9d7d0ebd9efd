package org.continuum.casefile.control;

import java.io.Serializable;
import java.time.Instant;

/**
 * An open user task as the domain sees it: what to do, on which case file (and grant, for the grant process's
 * tasks), by when, claimed by whom.
 */
public record WorkTask(String id, String definitionKey, long caseFileId, String caseReference, String teamCode,
                       Instant created, Instant due, String assignee, Long grantId) implements Serializable {

    public boolean isOverdue(Instant now) {
        return due != null && now.isAfter(due);
    }
}
