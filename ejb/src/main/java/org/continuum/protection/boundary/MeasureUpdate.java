package org.continuum.protection.boundary;

import org.continuum.protection.entity.MeasureStatus;

/** A change to one measure outside the planning tasks: its status, provider, dates, outcome and rating. */
public record MeasureUpdate(MeasureStatus status, Long providerId, java.time.LocalDate startsOn,
                            java.time.LocalDate endsOn, String outcome, Integer effectiveness) {
    @Override
    public String toString() {
        return "MeasureUpdate[" + status + "," + effectiveness + "]";
    }
}
