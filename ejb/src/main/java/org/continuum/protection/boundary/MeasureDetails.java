package org.continuum.protection.boundary;

import java.io.Serializable;


/**
 * Who provides a measure, when, what came of it, how well it worked (1-5), and the safe place it happens at:
 * the place's address is shown only here, to the staff of the case it was recorded for.
 */
public record MeasureDetails(Long providerId, String providerName, java.time.LocalDate startsOn,
                      java.time.LocalDate endsOn, String outcome, Integer effectiveness, String placeName,
                      String placeArea, String placeAddress, String placeHours, String placeContact) implements Serializable {
    static final MeasureDetails NONE = new MeasureDetails(null, null, null, null, null, null, null, null, null, null, null);

    @Override
    public String toString() {
        return "MeasureDetails[" + effectiveness + "]";
    }
}
