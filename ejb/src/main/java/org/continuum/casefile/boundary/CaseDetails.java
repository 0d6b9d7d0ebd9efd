package org.continuum.casefile.boundary;

import java.io.Serializable;
import org.continuum.casefile.control.WorkTask;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.Channel;
import org.continuum.casefile.entity.Outcome;
import org.continuum.casefile.entity.Phase;
import org.continuum.casefile.entity.RelocationScope;
import org.continuum.casefile.entity.RequestType;
import org.continuum.casefile.entity.RiskLevel;
import org.continuum.reference.entity.Situation;
import org.continuum.casefile.entity.Urgency;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A case file as shown on its page; identity fields and notes are null for roles that may not read them. The process
 * definition names the diagram the page draws ({@link CaseFileService#diagram}); null for a case without a process.
 */
public record CaseDetails(long id, String reference, String pseudonym, String legalName, String contact,
                          String location, Situation situation, String country, List<String> languages,
                          RequestType requestType, Urgency urgency, Channel channel, Phase phase, String teamName,
                          boolean consentStorage, Instant consentRecordedAt, boolean triageOverdue, Boolean eligible,
                          String triageNote, Instant createdAt, String createdBy, List<WorkTask> openTasks,
                          RiskLevel riskLevel, Instant nextReviewAt, Outcome outcome, String mentor,
                          RelocationScope relocationScope, String destinationCountry, Instant arrivedAt,
                          int checkInsDone, String linkedReference, String duplicateOfReference,
                          List<TimelineEntry> timeline, Set<String> activeSteps, Set<String> passedSteps,
                          String processDefinitionId, Instant erasedAt) implements Serializable {

    /** The earliest due date among the open tasks and the next scheduled review. */
    public Instant nextDue() {
        Instant next = nextReviewAt;
        for (WorkTask t : openTasks) {
            if (t.due() != null && (next == null || t.due().isBefore(next))) {
                next = t.due();
            }
        }
        return next;
    }

    @Override
    public String toString() {
        return "CaseDetails[" + reference + "]";
    }

    public record TimelineEntry(Instant occurredAt, String actor, CaseEventKind kind, Phase phase, String summary,
                                String note) implements Serializable {
        @Override
        public String toString() {
            return "TimelineEntry[" + kind + "]";
        }
    }
}
