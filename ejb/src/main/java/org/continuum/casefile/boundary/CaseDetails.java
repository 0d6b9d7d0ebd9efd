package org.continuum.casefile.boundary;

import org.continuum.casefile.control.WorkTask;
import org.continuum.casefile.entity.Channel;
import org.continuum.casefile.entity.Phase;
import org.continuum.casefile.entity.RequestType;
import org.continuum.casefile.entity.Situation;
import org.continuum.casefile.entity.Urgency;

import java.time.Instant;
import java.util.List;

/** A case file as shown on its page; identity fields are null for roles that may not read them. */
public record CaseDetails(long id, String reference, String pseudonym, String legalName, String contact,
                          String location, Situation situation, String country, List<String> languages,
                          RequestType requestType, Urgency urgency, Channel channel, Phase phase, String teamName,
                          boolean consentStorage, Instant consentRecordedAt, boolean triageOverdue, Boolean eligible,
                          String triageNote, Instant createdAt, String createdBy, List<WorkTask> openTasks) {

    @Override
    public String toString() {
        return "CaseDetails[" + reference + "]";
    }
}
