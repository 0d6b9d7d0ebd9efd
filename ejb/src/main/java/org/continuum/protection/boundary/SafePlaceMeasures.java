package org.continuum.protection.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.casefile.control.CaseEvents;
import org.continuum.casefile.control.CaseGuard;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.casefile.entity.Phase;
import org.continuum.identity.control.Caller;
import org.continuum.identity.entity.UserAccount;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.control.Roles;
import org.continuum.protection.control.Measures;
import org.continuum.protection.entity.MeasureStatus;
import org.continuum.protection.entity.ProtectionMeasure;
import org.continuum.safeplace.boundary.SafePlaceService;
import org.continuum.safeplace.control.SafePlaces;
import org.continuum.safeplace.entity.SafePlace;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Safe places in a protection plan: case staff find vetted places in the requester's country and area without
 * their addresses, and record one as a measure of the case, after which the case page shows its address to the
 * case's team only. It lives in the protection component because the measure does; the registry stays below.
 */
@Stateless
@RolesAllowed({Roles.CASEWORKER, Roles.SECURITY_MENTOR, Roles.COORDINATOR})
public class SafePlaceMeasures {

    @Inject
    Caller currentCaller;

    @Inject
    CaseGuard guard;

    @Inject
    SafePlaces places;

    @Inject
    Measures measures;

    @Inject
    CaseEvents events;

    @Inject
    AuditTrail audit;

    /**
     * Vetted, active places in the requester's country whose area contains {@code area} (all of the country when
     * empty), without their addresses. Matching places come first when an area is given.
     */
    public List<SafePlaceService.PlaceOption> near(long caseFileId, String area) {
        UserAccount caller = currentCaller.account();
        CaseFile caseFile = guard.open(caller, caseFileId, AuditAction.SAFE_PLACES_VIEWED);
        String key = SafePlace.key(area);
        audit.record(caller.getUsername(), AuditAction.SAFE_PLACES_VIEWED, caseFileId, "search");
        return places.offeredIn(caseFile.getCountry(), key, 200).stream()
                .sorted(Comparator.comparing((SafePlace s) -> !s.isAffirming()))
                .map(SafePlaceService.PlaceOption::of).toList();
    }

    /** Records the place as a safe-place measure of the case (planned, owned by the caller). */
    public long recordForCase(long caseFileId, long placeId, String note) {
        UserAccount caller = currentCaller.account();
        CaseFile caseFile = guard.open(caller, caseFileId, AuditAction.SAFE_PLACE_RECORDED);
        if (caseFile.getPhase() == Phase.CLOSED) {
            throw new InvalidInput("referral.caseClosed");
        }
        SafePlace place = places.find(placeId).orElse(null);
        if (place == null || !place.isOffered() || !place.getCountry().equals(caseFile.getCountry())) {
            throw new InvalidInput("safePlace.notOffered");
        }
        var type = measures.type("safe-place").orElseThrow(() -> new InvalidInput("plan.measure.unknown"));
        Instant now = Instant.now();
        ProtectionMeasure measure = InvalidInput.whenRefused(() -> new ProtectionMeasure(caseFileId, type,
                caller.getUsername(), now));
        InvalidInput.whenRefused(() -> {
            measure.update(MeasureStatus.PLANNED, caller.getUsername(), note, now);
            measure.atSafePlace(place);
        });
        measures.add(measure);
        events.record(caseFile, caller.getUsername(), CaseEventKind.SAFE_PLACE_RECORDED, "place=" + placeId, null,
                AuditAction.SAFE_PLACE_RECORDED, "place=" + placeId);
        return measure.getId();
    }
}
