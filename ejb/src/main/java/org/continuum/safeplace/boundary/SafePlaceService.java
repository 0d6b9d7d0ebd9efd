package org.continuum.safeplace.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import org.continuum.identity.control.Caller;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.control.Roles;
import org.continuum.identity.entity.UserAccount;
import org.continuum.reference.control.Partners;
import org.continuum.safeplace.control.SafePlaces;
import org.continuum.safeplace.entity.SafePlace;
import org.continuum.safeplace.entity.SafePlaceKind;
import org.continuum.safeplace.entity.Vetting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The safe-place registry, kept by administrators (with the exact addresses, every reading audited). Case staff
 * search it without addresses and record a place in a protection plan through
 * {@code protection.boundary.SafePlaceMeasures}: the registry knows nothing of plans.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class SafePlaceService {

    @Inject
    Caller currentCaller;

    @Inject
    SafePlaces places;

    @Inject
    Partners partners;

    @Inject
    AuditTrail audit;

    /** The whole registry with addresses, for the administrators who keep it. */
    public List<PlaceRecord> registry() {
        audit.record(currentCaller.account().getUsername(), AuditAction.SAFE_PLACES_VIEWED, null, "registry");
        return places.all().stream().map(PlaceRecord::of).toList();
    }

    public PlaceForm form(long id) {
        SafePlace place = places.find(id).orElse(null);
        if (place == null) {
            throw new InvalidInput("safePlace.unknown");
        }
        audit.record(currentCaller.account().getUsername(), AuditAction.SAFE_PLACES_VIEWED, null, "place=" + id);
        SafePlace.Details d = place.details();
        return new PlaceForm(place.getId(), d.name(), d.kind(), d.country(), d.area(), d.address(), d.contact(),
                d.openingHours(), d.vetting(), d.vettedOn(), d.affirming(), d.capacity(),
                d.network() == null ? null : d.network().getId(), d.active());
    }

    /** Creates ({@code id} null) or changes a place; returns its id. */
    public long save(PlaceForm form) {
        UserAccount caller = currentCaller.account();
        if (form == null) {
            throw new InvalidInput("input.invalid");
        }
        SafePlace.Details details = new SafePlace.Details(form.name(), form.kind(), form.country(), form.area(),
                form.address(), form.contact(), form.openingHours(), form.vetting(), form.vettedOn(),
                form.affirming(), form.capacity() == null ? 0 : form.capacity(), partners.chosen(form.networkId()),
                form.active());
        Instant now = Instant.now();
        SafePlace place;
        if (form.id() == null) {
            place = InvalidInput.whenRefused(() -> new SafePlace(details, caller.getUsername(), now));
            places.add(place);
        } else {
            place = places.find(form.id()).orElse(null);
            if (place == null) {
                throw new InvalidInput("safePlace.unknown");
            }
            SafePlace target = place;
            InvalidInput.whenRefused(() -> target.update(details, caller.getUsername(), now));
        }
        audit.record(caller.getUsername(), AuditAction.SAFE_PLACE_SAVED, null,
                "place=" + place.getId() + " vetting=" + place.getVetting());
        return place.getId();
    }

    public record PlaceForm(Long id, String name, SafePlaceKind kind, String country, String area, String address,
                            String contact, String openingHours, Vetting vetting, LocalDate vettedOn,
                            boolean affirming, Integer capacity, Long networkId, boolean active) {
        @Override
        public String toString() {
            return "PlaceForm[" + id + "," + kind + "," + country + "]";
        }
    }

    /** A registry row for administrators, address included. */
    public record PlaceRecord(long id, String name, SafePlaceKind kind, String country, String area, String address,
                              String openingHours, Vetting vetting, LocalDate vettedOn, boolean affirming,
                              int capacity, String network, boolean active) implements Serializable {
        static PlaceRecord of(SafePlace s) {
            return new PlaceRecord(s.getId(), s.getName(), s.getKind(), s.getCountry(), s.getArea(), s.getAddress(),
                    s.getOpeningHours(), s.getVetting(), s.getVettedOn(), s.isAffirming(), s.getCapacity(),
                    s.getNetwork() == null ? null : s.getNetwork().getName(), s.isActive());
        }

        @Override
        public String toString() {
            return "PlaceRecord[" + id + "]";
        }
    }

    /** A search result for case staff: no address, no contact. */
    public record PlaceOption(long id, String name, SafePlaceKind kind, String area, String openingHours,
                              boolean affirming, int capacity, String network, LocalDate vettedOn) implements Serializable {
        public static PlaceOption of(SafePlace s) {
            return new PlaceOption(s.getId(), s.getName(), s.getKind(), s.getArea(), s.getOpeningHours(),
                    s.isAffirming(), s.getCapacity(), s.getNetwork() == null ? null : s.getNetwork().getName(),
                    s.getVettedOn());
        }
    }
}
