package org.continuum.relocation.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.identity.control.Caller;
import org.continuum.identity.entity.UserAccount;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.control.Roles;
import org.continuum.relocation.control.Routes;
import org.continuum.relocation.entity.Programme;
import org.continuum.relocation.entity.ProgrammeYear;
import org.continuum.relocation.entity.RouteApplication;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The coordinators' view of relocation programmes: each programme's places of a year (allocated, reserved by
 * applications waiting, used by issued visas, remaining), the applications waiting on the cases they may open, and
 * the allocation they set for a year with a reason (audited).
 */
@Stateless
@RolesAllowed(Roles.COORDINATOR)
public class ProgrammeService {

    /** The waiting list shows at most this many applications. */
    static final int MAX_WAITING = 500;

    @Inject
    Caller currentCaller;

    @Inject
    Routes routes;

    @Inject
    AuditTrail audit;

    public Quotas quotas(int year) {
        UserAccount caller = currentCaller.account();
        if (year < 2000 || year > 2100) {
            throw new InvalidInput("programme.year.invalid");
        }
        audit.record(caller.getUsername(), AuditAction.PROGRAMME_QUOTAS_VIEWED, null, "year=" + year);
        Map<Long, String> names = new HashMap<>();
        List<QuotaRow> rows = routes.programmes().stream().map(p -> {
            names.put(p.getId(), p.getName());
            ProgrammeYear y = routes.year(p, year);
            return new QuotaRow(p.getId(), p.getCode(), p.getName(), p.getKind(), p.getDestinations(),
                    p.getPlacesPerYear(), y.getAllocated(), y.getReserved(), y.getUsed(), y.remaining(),
                    y.getAllocatedBy(), y.getAllocatedAt());
        }).toList();
        List<WaitingRow> waiting = routes.waiting(caller, MAX_WAITING).stream().map(w -> {
            RouteApplication a = w.application();
            return new WaitingRow(a.getId(), w.caseFileId(), w.caseReference(),
                    names.getOrDefault(a.getProgrammeId(), "?"), a.getState(), a.getPersons(), a.getChangedAt(),
                    a.isReminded());
        }).toList();
        return new Quotas(year, rows, waiting);
    }

    /** Sets a programme's places for the organisation in a year; refused below the places already taken. */
    public void allocate(long programmeId, int year, Integer places, String reason) {
        UserAccount caller = currentCaller.account();
        Programme programme = routes.programme(programmeId).orElseThrow(() -> new InvalidInput("route.programme.required"));
        int thisYear = Instant.now().atZone(ZoneOffset.UTC).getYear();
        if (year < thisYear - 1 || year > thisYear + 1) {
            throw new InvalidInput("programme.year.invalid");
        }
        ProgrammeYear y = routes.yearLocked(programme, year);
        InvalidInput.whenRefused(() -> y.allocate(places, caller.getUsername(), reason, Instant.now()));
        audit.record(caller.getUsername(), AuditAction.PROGRAMME_ALLOCATION_SET, null,
                "programme=" + programme.getCode() + " year=" + year + " places=" + places);
    }

    public record QuotaRow(long programmeId, String code, String name, Programme.Kind kind, List<String> destinations,
                           Integer placesPerYear, Integer allocated, int reserved, int used, Integer remaining,
                           String allocatedBy, Instant allocatedAt) implements Serializable {
    }

    public record WaitingRow(long applicationId, long caseFileId, String caseReference, String programme,
                             RouteApplication.State state, int persons, Instant since, boolean reminded) implements Serializable {
    }

    public record Quotas(int year, List<QuotaRow> programmes, List<WaitingRow> waiting) implements Serializable {
    }
}
