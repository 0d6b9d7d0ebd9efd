package org.continuum.relocation.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.audit.entity.AuditOutcome;
import org.continuum.casefile.control.CaseEvents;
import org.continuum.casefile.control.CaseGuard;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.casefile.entity.Phase;
import org.continuum.identity.control.Caller;
import org.continuum.identity.entity.UserAccount;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.control.Roles;
import org.continuum.relocation.control.RouteProgress;
import org.continuum.relocation.control.RouteRules;
import org.continuum.relocation.control.RouteWorkflow;
import org.continuum.relocation.control.Routes;
import org.continuum.relocation.entity.ChecklistAnswer;
import org.continuum.relocation.entity.ChecklistItem;
import org.continuum.relocation.entity.Dependant;
import org.continuum.relocation.entity.Programme;
import org.continuum.relocation.entity.ProgrammeYear;
import org.continuum.relocation.entity.RouteApplication;
import org.continuum.relocation.entity.TravelDocument;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The relocation routes of a case: the programmes it could go through, each with its checklist and the places left
 * this year; the application made (one at a time) and its steps to arrival; the family members who travel and the
 * travel documents of everyone, with the ones about to expire flagged. Everyone who may open the case may read it;
 * caseworkers and coordinators change it. Every reading and change is audited.
 */
@Stateless
@RolesAllowed({Roles.CASEWORKER, Roles.COORDINATOR})
public class RouteService {

    @Inject
    Caller currentCaller;

    @Inject
    CaseGuard guard;

    @Inject
    Routes routes;

    @Inject
    RouteWorkflow workflow;

    @Inject
    RouteProgress progress;

    @Inject
    CaseEvents events;

    @Inject
    AuditTrail audit;

    @RolesAllowed({Roles.CASEWORKER, Roles.SECURITY_MENTOR, Roles.COORDINATOR})
    public Desk desk(long caseFileId) {
        UserAccount caller = currentCaller.account();
        CaseFile caseFile = guard.open(caller, caseFileId, AuditAction.ROUTE_DESK_VIEWED);
        audit.record(caller.getUsername(), AuditAction.ROUTE_DESK_VIEWED, caseFileId, null);
        int year = year(Instant.now());
        List<Dependant> dependants = routes.dependantsOf(caseFileId);
        int persons = RouteRules.persons(dependants.stream().filter(Dependant::isTravelling).count());
        List<RouteApplication> applications = routes.applicationsOf(caseFileId);
        Map<Long, Programme> programmes = new HashMap<>();
        List<ProgrammeCard> cards = new ArrayList<>();
        for (Programme p : routes.programmes()) {
            programmes.put(p.getId(), p);
            ProgrammeYear places = routes.year(p, year);
            cards.add(new ProgrammeCard(p.getId(), p.getCode(), p.getName(), p.getKind(), p.getDestinations(),
                    p.getReferredThrough(), p.getChecklist(), p.getPlacesPerYear(), places.getAllocated(),
                    places.remaining(), p.getRequiredDocuments(), p.getProcessingDays(), p.getStayMonths(),
                    p.getNotFitting(), p.getSource(), p.getCheckedOn(),
                    p.getDestinations().contains(caseFile.getCountry())
                            && p.getKind() != Programme.Kind.INTERNAL_RELOCATION));
        }
        LocalDate travel = applications.stream().filter(a -> a.getState().waiting()).findFirst()
                .map(RouteApplication::travelDate).orElse(null);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<Long, String> names = new HashMap<>();
        dependants.forEach(d -> names.put(d.getId(), d.getName()));
        List<DocumentRow> documents = routes.documentsOf(caseFileId).stream()
                .map(d -> new DocumentRow(d.getId(), d.getDependantId(),
                        d.getDependantId() == null ? null : names.get(d.getDependantId()), d.getKind(),
                        d.getIssuingCountry(), d.getNumber(), d.getValidFrom(), d.getValidUntil(), d.getStatus(),
                        d.expiry(today, travel)))
                .toList();
        List<ApplicationRow> rows = applications.stream().map(a -> {
            Programme p = programmes.computeIfAbsent(a.getProgrammeId(), id -> routes.programme(id).orElse(null));
            return new ApplicationRow(a.getId(), a.getProgrammeId(), p == null ? "?" : p.getName(), a.getYear(),
                    a.getPersons(), a.getState(), a.answers(), a.itemNotes(), a.getNote(), a.travelDate(), a.getCreatedBy(),
                    a.getCreatedAt(), a.getChangedAt(), a.isReminded(), nextSteps(a.getState()));
        }).toList();
        return new Desk(caseFileId, caseFile.getReference(), caseFile.getPseudonym(), caseFile.getPhase(),
                caseFile.getCountry(), caseFile.getPhase() == Phase.RELOCATION, year, persons, cards, rows,
                dependants.stream().map(d -> new DependantRow(d.getId(), d.getName(), d.getRelationship(),
                        d.getBirthYear(), d.isTravelling())).toList(), documents);
    }

    /**
     * Submits an application to a programme: refused with every checklist item not met, or with the figures when
     * the year's places for the organisation cannot take the person and the family members who travel. Places are
     * reserved in the same transaction, under the year's row lock. The process waiting for the decision starts.
     */
    public long submit(long caseFileId, Submission submission) {
        UserAccount caller = currentCaller.account();
        CaseFile caseFile = guard.open(caller, caseFileId, AuditAction.ROUTE_APPLICATION_SUBMITTED);
        if (submission == null || submission.programmeId() == null) {
            throw new InvalidInput("route.programme.required");
        }
        if (caseFile.getPhase() != Phase.RELOCATION) {
            throw new InvalidInput("route.notRelocating");
        }
        Programme programme = routes.programme(submission.programmeId()).filter(Programme::isActive)
                .orElseThrow(() -> new InvalidInput("route.programme.required"));
        List<ChecklistItem> failing = RouteRules.failing(programme, submission.answers());
        if (!failing.isEmpty()) {
            audit.recordIndependently(caller.getUsername(), AuditAction.ROUTE_APPLICATION_SUBMITTED, caseFileId,
                    AuditOutcome.DENIED, "checklist-failed=" + failing.size());
            throw new InvalidInput(failing.stream().map(i -> "route.checklist.failed:@checklist." + i.name())
                    .toList());
        }
        if (routes.waitingLocked(caseFileId).isPresent()) {
            throw new InvalidInput("route.alreadyWaiting");
        }
        Instant now = Instant.now();
        int persons = RouteRules.persons(routes.dependantsOf(caseFileId).stream()
                .filter(Dependant::isTravelling).count());
        ProgrammeYear places = routes.yearLocked(programme, year(now));
        if (!places.reserve(persons)) {
            audit.recordIndependently(caller.getUsername(), AuditAction.ROUTE_APPLICATION_SUBMITTED, caseFileId,
                    AuditOutcome.DENIED, "quota-full");
            throw new InvalidInput("route.quota.full:" + places.getAllocated() + ":"
                    + (places.getReserved() + places.getUsed()) + ":" + persons);
        }
        Map<ChecklistItem, ChecklistAnswer> answers = new java.util.EnumMap<>(ChecklistItem.class);
        if (submission.answers() != null) {
            submission.answers().forEach((k, v) -> {
                if (k != null && v != null) {
                    answers.put(k, v);
                }
            });
        }
        RouteApplication application = InvalidInput.whenRefused(() -> new RouteApplication(caseFileId, programme,
                year(now), persons, answers, submission.itemNotes(), submission.note(), caller.getUsername(), now));
        routes.add(application);
        Instant reminder = RouteRules.reminderAt(programme, application.getState(), null, now, RouteProgress.scale());
        application.reminderDue(reminder);
        application.attachProcess(workflow.submitted(new RouteWorkflow.RouteStart(application.getId(), caseFileId,
                caseFile.getReference(), caseFile.getTeam().getCode(), reminder)));
        events.record(caseFile, caller.getUsername(), CaseEventKind.ROUTE_SUBMITTED, "persons=" + persons,
                submission.note(), AuditAction.ROUTE_APPLICATION_SUBMITTED, "persons=" + persons);
        return application.getId();
    }

    /**
     * Records the next step of the case's application: an interview, the decision (issued or refused), the travel
     * booked (with its date) or a withdrawal (with a reason). A refusal or a withdrawal gives the places back and
     * the caseworker chooses another route; an issued visa turns the reserved places into used ones. The arrival
     * is recorded by the case's own arrival task, not here.
     */
    public void move(long applicationId, RouteApplication.Step step, LocalDate travelDate, String note) {
        UserAccount caller = currentCaller.account();
        if (step == null || step == RouteApplication.Step.ARRIVED) {
            throw new InvalidInput("route.step.invalid");
        }
        RouteApplication found = routes.application(applicationId).orElse(null);
        if (found == null) {
            audit.recordIndependently(caller.getUsername(), AuditAction.ROUTE_APPLICATION_MOVED, null,
                    AuditOutcome.DENIED, "not-found");
            throw new org.continuum.platform.control.CaseAccessDenied();
        }
        CaseFile caseFile = guard.open(caller, found.getCaseFileId(), AuditAction.ROUTE_APPLICATION_MOVED);
        RouteApplication application = routes.applicationLocked(applicationId).orElseThrow();
        if (step == RouteApplication.Step.TRAVEL_BOOKED && travelDate != null
                && travelDate.isBefore(LocalDate.now(ZoneOffset.UTC))) {
            throw new InvalidInput("route.travelDate.past");
        }
        progress.move(caseFile, application, step, travelDate, note, caller.getUsername());
    }




    /** How many recorded family members travel with the person (the relocation plan starts from it). */
    @RolesAllowed(Roles.CASEWORKER)
    public int travellingDependants(long caseFileId) {
        guard.open(currentCaller.account(), caseFileId, AuditAction.RELOCATION_UPDATED);
        return (int) routes.dependantsOf(caseFileId).stream().filter(Dependant::isTravelling).count();
    }



    /** Adds a family member; those who travel count towards the places of the next application. */
    public long addDependant(long caseFileId, DependantInput input) {
        UserAccount caller = currentCaller.account();
        CaseFile caseFile = guard.open(caller, caseFileId, AuditAction.DEPENDANT_RECORDED);
        if (input == null) {
            throw new InvalidInput("dependant.name.required");
        }
        if (routes.dependantsOf(caseFileId).size() >= 30) {
            throw new InvalidInput("dependant.tooMany");
        }
        Dependant dependant = InvalidInput.whenRefused(() -> new Dependant(caseFileId, input.name(),
                input.relationship(), input.birthYear(), input.travelling(), caller.getUsername(), Instant.now()));
        routes.add(dependant);
        events.record(caseFile, caller.getUsername(), CaseEventKind.DEPENDANT_RECORDED,
                "relationship=" + input.relationship() + " travelling=" + input.travelling(), null,
                AuditAction.DEPENDANT_RECORDED, "added");
        return dependant.getId();
    }

    /** Whether a family member travels; refused while an application on its way counts them. */
    public void setTravelling(long dependantId, boolean travelling) {
        UserAccount caller = currentCaller.account();
        Dependant dependant = routes.dependant(dependantId).orElse(null);
        if (dependant == null) {
            audit.recordIndependently(caller.getUsername(), AuditAction.DEPENDANT_RECORDED, null,
                    AuditOutcome.DENIED, "not-found");
            throw new org.continuum.platform.control.CaseAccessDenied();
        }
        CaseFile caseFile = guard.open(caller, dependant.getCaseFileId(), AuditAction.DEPENDANT_RECORDED);
        if (routes.waitingLocked(caseFile.getId()).isPresent()) {
            throw new InvalidInput("dependant.countedByApplication");
        }
        dependant.travelling(travelling);
        events.record(caseFile, caller.getUsername(), CaseEventKind.DEPENDANT_RECORDED,
                "travelling=" + travelling, null, AuditAction.DEPENDANT_RECORDED, "travelling=" + travelling);
    }

    /** Records a travel document of the person or of a dependant, or corrects one ({@code documentId} given). */
    public long recordDocument(long caseFileId, DocumentInput input) {
        UserAccount caller = currentCaller.account();
        CaseFile caseFile = guard.open(caller, caseFileId, AuditAction.TRAVEL_DOCUMENT_RECORDED);
        if (input == null) {
            throw new InvalidInput("travelDocument.kind.required");
        }
        if (input.dependantId() != null && routes.dependant(input.dependantId())
                .filter(d -> d.getCaseFileId() == caseFileId).isEmpty()) {
            throw new InvalidInput("dependant.unknown");
        }
        Instant now = Instant.now();
        TravelDocument document;
        if (input.documentId() == null) {
            document = InvalidInput.whenRefused(() -> new TravelDocument(caseFileId, input.dependantId(),
                    input.kind(), input.issuingCountry(), input.number(), input.validFrom(), input.validUntil(),
                    input.status(), caller.getUsername(), now));
            routes.add(document);
        } else {
            document = routes.document(input.documentId()).filter(d -> d.getCaseFileId() == caseFileId)
                    .orElseThrow(() -> new InvalidInput("travelDocument.unknown"));
            InvalidInput.whenRefused(() -> document.change(input.kind(), input.issuingCountry(), input.number(),
                    input.validFrom(), input.validUntil(), input.status(), caller.getUsername(), now));
        }
        String summary = "kind=" + input.kind() + " status=" + input.status()
                + (input.dependantId() == null ? "" : " dependant");
        events.record(caseFile, caller.getUsername(), CaseEventKind.TRAVEL_DOCUMENT_RECORDED, summary, null,
                AuditAction.TRAVEL_DOCUMENT_RECORDED, summary);
        return document.getId();
    }

    /**
     * Travel documents of the caller's case files that need attention: valid ones ending within
     * {@value TravelDocument#EXPIRY_WARNING_DAYS} days (or already ended), and those ending before a booked travel.
     */
    @RolesAllowed({Roles.CASEWORKER, Roles.SECURITY_MENTOR, Roles.COORDINATOR})
    public List<ExpiringDocument> expiring() {
        UserAccount caller = currentCaller.account();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<Long, LocalDate> travels = new HashMap<>();
        Map<Long, String> references = new HashMap<>();
        for (Routes.Waiting w : routes.travelBooked(caller, 500)) {
            if (w.application().travelDate() != null) {
                travels.put(w.caseFileId(), w.application().travelDate());
                references.put(w.caseFileId(), w.caseReference());
            }
        }
        List<ExpiringDocument> found = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (Routes.Ending e : routes.ending(caller, today.plusDays(TravelDocument.EXPIRY_WARNING_DAYS), 50)) {
            seen.add(e.documentId());
            LocalDate travel = travels.get(e.caseFileId());
            found.add(new ExpiringDocument(e.caseFileId(), e.caseReference(), e.kind(), e.validUntil(),
                    e.validUntil().isBefore(today) ? TravelDocument.Expiry.EXPIRED
                            : travel != null && e.validUntil().isBefore(travel) ? TravelDocument.Expiry.BEFORE_TRAVEL
                            : TravelDocument.Expiry.SOON));
        }
        Map<Long, List<TravelDocument>> documents = routes.documentsOf(travels.keySet());
        travels.forEach((caseFileId, travel) -> {
            for (TravelDocument d : documents.getOrDefault(caseFileId, List.of())) {
                if (!seen.contains(d.getId()) && d.expiry(today, travel) == TravelDocument.Expiry.BEFORE_TRAVEL) {
                    found.add(new ExpiringDocument(caseFileId, references.get(caseFileId), d.getKind(),
                            d.getValidUntil(), TravelDocument.Expiry.BEFORE_TRAVEL));
                }
            }
        });
        found.sort(java.util.Comparator.comparing(ExpiringDocument::validUntil));
        return found;
    }

    /** How many travel documents of this case need attention now (the case page's flag). */
    @RolesAllowed({Roles.CASEWORKER, Roles.SECURITY_MENTOR, Roles.COORDINATOR})
    public long documentsNeedingAttention(long caseFileId) {
        UserAccount caller = currentCaller.account();
        guard.open(caller, caseFileId, AuditAction.CASE_VIEWED);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate travel = routes.applicationsOf(caseFileId).stream().filter(a -> a.getState().waiting())
                .findFirst().map(RouteApplication::travelDate).orElse(null);
        return routes.documentsOf(caseFileId).stream().filter(d -> d.expiry(today, travel) != null).count();
    }

    public record ExpiringDocument(long caseFileId, String caseReference, TravelDocument.Kind kind,
                                   LocalDate validUntil, TravelDocument.Expiry expiry) implements Serializable {
    }

    private static int year(Instant at) {
        return at.atZone(ZoneOffset.UTC).getYear();
    }

    private static List<RouteApplication.Step> nextSteps(RouteApplication.State state) {
        List<RouteApplication.Step> steps = new ArrayList<>();
        for (RouteApplication.Step s : RouteApplication.Step.values()) {
            if (s != RouteApplication.Step.ARRIVED && s.allowedFrom(state)) {
                steps.add(s);
            }
        }
        return steps;
    }

    /** A programme, the checklist answers with an optional note per item, and a note on the application. */
    public record Submission(Long programmeId, Map<ChecklistItem, ChecklistAnswer> answers,
                             Map<ChecklistItem, String> itemNotes, String note) {

        public Submission(Long programmeId, Map<ChecklistItem, ChecklistAnswer> answers, String note) {
            this(programmeId, answers, Map.of(), note);
        }

        @Override
        public String toString() {
            return "Submission[" + programmeId + "]";
        }
    }

    public record DependantInput(String name, Dependant.Relationship relationship, Integer birthYear,
                                 boolean travelling) {
        @Override
        public String toString() {
            return "DependantInput[" + relationship + "]";
        }
    }

    public record DocumentInput(Long documentId, Long dependantId, TravelDocument.Kind kind, String issuingCountry,
                                String number, LocalDate validFrom, LocalDate validUntil,
                                TravelDocument.Status status) {
        @Override
        public String toString() {
            return "DocumentInput[" + kind + " " + status + "]";
        }
    }

    public record ProgrammeCard(long id, String code, String name, Programme.Kind kind, List<String> destinations,
                                List<String> referredThrough, List<ChecklistItem> checklist, Integer placesPerYear,
                                Integer allocated, Integer remaining, List<String> requiredDocuments,
                                int processingDays, Integer stayMonths, String notFitting, String source,
                                LocalDate checkedOn, boolean backToDanger) implements Serializable {
    }

    public record ApplicationRow(long id, long programmeId, String programme, int year, int persons,
                                 RouteApplication.State state, Map<ChecklistItem, ChecklistAnswer> answers,
                                 Map<ChecklistItem, String> itemNotes, String note, LocalDate travelDate, String createdBy, Instant createdAt,
                                 Instant changedAt, boolean reminded, List<RouteApplication.Step> nextSteps) implements Serializable {
    }

    public record DependantRow(long id, String name, Dependant.Relationship relationship, Integer birthYear,
                               boolean travelling) implements Serializable {
    }

    public record DocumentRow(long id, Long dependantId, String holder, TravelDocument.Kind kind,
                              String issuingCountry, String number, LocalDate validFrom, LocalDate validUntil,
                              TravelDocument.Status status, TravelDocument.Expiry expiry) implements Serializable {
    }

    public record Desk(long caseFileId, String reference, String pseudonym, Phase phase, String countryOfDanger,
                       boolean mayApply, int year, int persons, List<ProgrammeCard> programmes,
                       List<ApplicationRow> applications, List<DependantRow> dependants,
                       List<DocumentRow> documents) implements Serializable {
    }
}
