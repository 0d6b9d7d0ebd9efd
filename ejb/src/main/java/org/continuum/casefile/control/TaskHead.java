package org.continuum.casefile.control;

import java.time.Instant;

/**
 * An open user task without its case: what the engine's task row alone tells (what, since when, by when, claimed by
 * whom). Enough to count an inbox; {@link CaseWorkflow#describe} turns the ones shown into {@link WorkTask}s.
 */
public record TaskHead(String id, String definitionKey, String processInstanceId, Instant created, Instant due,
                       String assignee) {

    public boolean isOverdue(Instant now) {
        return due != null && now.isAfter(due);
    }
}
