package org.continuum.protection.boundary;

import org.continuum.protection.entity.MeasureStatus;

/** A new measure ({@code measureId} null, {@code typeCode} set) or a change to one already in the plan. */
public record MeasureChange(Long measureId, String typeCode, MeasureStatus status, String owner, String note,
                            String addresses) {

    /** A change that leaves what the measure addresses as it is. */
    public MeasureChange(Long measureId, String typeCode, MeasureStatus status, String owner, String note) {
        this(measureId, typeCode, status, owner, note, null);
    }

    @Override
    public String toString() {
        return "MeasureChange[" + measureId + "," + typeCode + "," + status + "]";
    }
}
