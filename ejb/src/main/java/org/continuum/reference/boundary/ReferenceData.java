package org.continuum.reference.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import org.continuum.reference.control.Partners;
import org.continuum.reference.control.MeasureTypes;
import org.continuum.platform.control.Roles;
import org.continuum.reference.entity.MeasureType;
import org.continuum.reference.entity.Partner;

import java.util.List;

/** Reference data for forms: partners and the measure catalogue. Public facts, no case content. */
@Stateless
@RolesAllowed({Roles.CASEWORKER, Roles.COORDINATOR, Roles.SECURITY_MENTOR, Roles.ADMIN})
public class ReferenceData {

    @Inject
    Partners partners;

    @Inject
    MeasureTypes measureTypes;

    public List<PartnerOption> partners() {
        return partners.all().stream()
                .map(p -> new PartnerOption(p.getId(), p.getCode(), p.getName())).toList();
    }

    /** The catalogue along the continuum; {@code localOnly} keeps steps 1-4, the ones a protection plan may hold. */
    public List<MeasureOption> measureTypes(boolean localOnly) {
        return measureTypes.all().stream()
                .filter(t -> !localOnly || t.getContinuumStep() < 5)
                .map(t -> new MeasureOption(t.getCode(), t.getContinuumStep(), Names.of(t)))
                .toList();
    }

    public record PartnerOption(long id, String code, String name) implements Serializable {
    }

    public record MeasureOption(String code, int step, Names names) implements Serializable {
        public String name(String language) {
            return names.in(language);
        }
    }
}
