package org.continuum.casefile.control;

import org.continuum.casefile.entity.Channel;
import org.continuum.casefile.entity.RequestType;
import org.continuum.reference.entity.Situation;
import org.continuum.casefile.entity.Urgency;

import java.util.List;

/** What a caseworker types at intake. Checked by {@code CaseFile}'s records, not here, so no door can skip it. */
public record IntakeRequest(String pseudonym, String legalName, String contact, String location,
                            Situation situation, String country, List<String> languages, RequestType requestType,
                            Urgency urgency, Channel channel, boolean consentStorage) {

    /** No names in logs or exception traces. */
    @Override
    public String toString() {
        return "IntakeRequest[" + requestType + ", " + urgency + ", " + channel + "]";
    }
}
