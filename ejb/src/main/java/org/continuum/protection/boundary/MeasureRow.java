package org.continuum.protection.boundary;

import java.io.Serializable;
import org.continuum.protection.entity.MeasureStatus;
import org.continuum.protection.entity.ProtectionMeasure;
import org.continuum.reference.boundary.Names;
import java.time.Instant;

public record MeasureRow(long id, String typeCode, int step, Names names, MeasureStatus status,
                         String owner, String note, Instant updatedAt, String addresses, MeasureDetails details) implements Serializable {

    /** A row without the details (kept for callers that only chart or list the plan). */
    public MeasureRow(long id, String typeCode, int step, Names names, MeasureStatus status,
                      String owner, String note, Instant updatedAt, String addresses) {
        this(id, typeCode, step, names, status, owner, note, updatedAt, addresses, MeasureDetails.NONE);
    }

    /** The measure's name for a reader of {@code language}. */
    public String name(String language) {
        return names.in(language);
    }

    static MeasureRow of(ProtectionMeasure m) {
        var place = m.getSafePlace();
        return new MeasureRow(m.getId(), m.getType().getCode(), m.getType().getContinuumStep(),
                Names.of(m.getType()), m.getStatus(), m.getOwner(), m.getNote(),
                m.getUpdatedAt(), m.getAddresses(), new MeasureDetails(
                m.getProvider() == null ? null : m.getProvider().getId(),
                m.getProvider() == null ? null : m.getProvider().getName(), m.getStartsOn(), m.getEndsOn(),
                m.getOutcome(), m.getEffectiveness(), place == null ? null : place.getName(),
                place == null ? null : place.getArea(), place == null ? null : place.getAddress(),
                place == null ? null : place.getOpeningHours(), place == null ? null : place.getContact()));
    }

    @Override
    public String toString() {
        return "MeasureRow[" + id + "," + typeCode + "," + status + "]";
    }
}
