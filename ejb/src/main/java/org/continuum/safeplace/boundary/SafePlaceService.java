package org.continuum.safeplace.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.casefile.control.CaseGuard;
import org.continuum.casefile.control.InvalidInput;
import org.continuum.casefile.control.Timeline;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.casefile.entity.Phase;
import org.continuum.identity.control.Staff;
import org.continuum.identity.entity.Roles;
import org.continuum.identity.entity.UserAccount;
import org.continuum.protection.control.Measures;
import org.continuum.protection.entity.ProtectionMeasure;
import org.continuum.reference.control.Partners;
import org.continuum.safeplace.entity.SafePlace;
import org.continuum.safeplace.entity.SafePlaceKind;
import org.continuum.safeplace.entity.Vetting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The safe-place registry. Administrators keep it (with the exact addresses, every reading audited); case staff
 * find vetted places in the requester's country and area without addresses, and record one as a measure of the
 * case, after which the case page shows its address to the case's team only.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class SafePlaceService {

    @Resource
    SessionContext context;

    @PersistenceContext
    EntityManager em;

    @Inject
    Staff staff;

    @Inject
    CaseGuard guard;

    @Inject
    Partners partners;

    @Inject
    Measures measures;

    @Inject
    Timeline timeline;

    @Inject
    AuditTrail audit;

    /** The whole registry with addresses, for the administrators who keep it. */
    public List<PlaceRecord> registry() {
        audit.record(caller().getUsername(), AuditAction.SAFE_PLACES_VIEWED, null, "registry");
        return em.createQuery("select s from SafePlace s order by s.country, s.areaKey, s.name", SafePlace.class)
                .getResultList().stream().map(PlaceRecord::of).toList();
    }

    public PlaceForm form(long id) {
        SafePlace place = em.find(SafePlace.class, id);
        if (place == null) {
            throw new InvalidInput("safePlace.unknown");
        }
        audit.record(caller().getUsername(), AuditAction.SAFE_PLACES_VIEWED, null, "place=" + id);
        SafePlace.Details d = place.details();
        return new PlaceForm(place.getId(), d.name(), d.kind(), d.country(), d.area(), d.address(), d.contact(),
                d.openingHours(), d.vetting(), d.vettedOn(), d.affirming(), d.capacity(),
                d.network() == null ? null : d.network().getId(), d.active());
    }

    /** Creates ({@code id} null) or changes a place; returns its id. */
    public long save(PlaceForm form) {
        UserAccount caller = caller();
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
            em.persist(place);
            em.flush();
        } else {
            place = em.find(SafePlace.class, form.id());
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

    /**
     * Vetted, active places in the requester's country whose area contains {@code area} (all of the country when
     * empty), without their addresses. Matching places come first when an area is given.
     */
    @RolesAllowed({Roles.CASEWORKER, Roles.SECURITY_MENTOR, Roles.COORDINATOR})
    public List<PlaceOption> near(long caseFileId, String area) {
        UserAccount caller = caller();
        CaseFile caseFile = guard.open(caller, caseFileId, AuditAction.SAFE_PLACES_VIEWED);
        String key = SafePlace.key(area);
        audit.record(caller.getUsername(), AuditAction.SAFE_PLACES_VIEWED, caseFileId, "search");
        String pattern = "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return em.createQuery("select s from SafePlace s where s.country = :country and s.active = true"
                        + " and s.vetting = :vetted and s.areaKey like :area escape '\\'"
                        + " order by s.areaKey, s.name", SafePlace.class)
                .setParameter("country", caseFile.getCountry()).setParameter("vetted", Vetting.VETTED)
                .setParameter("area", pattern).setMaxResults(200).getResultList().stream()
                .sorted(Comparator.comparing((SafePlace s) -> !s.isAffirming()))
                .map(PlaceOption::of).toList();
    }

    /** Records the place as a safe-place measure of the case (planned, owned by the caller). */
    @RolesAllowed({Roles.CASEWORKER, Roles.SECURITY_MENTOR, Roles.COORDINATOR})
    public long recordForCase(long caseFileId, long placeId, String note) {
        UserAccount caller = caller();
        CaseFile caseFile = guard.open(caller, caseFileId, AuditAction.SAFE_PLACE_RECORDED);
        if (caseFile.getPhase() == Phase.CLOSED) {
            throw new InvalidInput("referral.caseClosed");
        }
        SafePlace place = em.find(SafePlace.class, placeId);
        if (place == null || !place.isOffered() || !place.getCountry().equals(caseFile.getCountry())) {
            throw new InvalidInput("safePlace.notOffered");
        }
        var type = measures.type("safe-place").orElseThrow(() -> new InvalidInput("plan.measure.unknown"));
        Instant now = Instant.now();
        ProtectionMeasure measure = InvalidInput.whenRefused(() -> new ProtectionMeasure(caseFileId, type,
                caller.getUsername(), now));
        InvalidInput.whenRefused(() -> {
            measure.update(org.continuum.protection.entity.MeasureStatus.PLANNED, caller.getUsername(), note, now);
            measure.atSafePlace(place);
        });
        em.persist(measure);
        timeline.record(caseFile, caller.getUsername(), CaseEventKind.SAFE_PLACE_RECORDED,
                "place=" + placeId, null);
        audit.record(caller.getUsername(), AuditAction.SAFE_PLACE_RECORDED, caseFileId, "place=" + placeId);
        return measure.getId();
    }

    private UserAccount caller() {
        return staff.caller(context.getCallerPrincipal().getName());
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
                              int capacity, String network, boolean active) {
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
                              boolean affirming, int capacity, String network, LocalDate vettedOn) {
        static PlaceOption of(SafePlace s) {
            return new PlaceOption(s.getId(), s.getName(), s.getKind(), s.getArea(), s.getOpeningHours(),
                    s.isAffirming(), s.getCapacity(), s.getNetwork() == null ? null : s.getNetwork().getName(),
                    s.getVettedOn());
        }
    }
}
