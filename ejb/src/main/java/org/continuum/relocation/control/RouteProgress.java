package org.continuum.relocation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.continuum.audit.entity.AuditAction;
import org.continuum.casefile.control.CaseEvents;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.platform.control.InvalidInput;
import org.continuum.relocation.entity.Programme;
import org.continuum.relocation.entity.RouteApplication;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Moves a case's application on, for the route page and for the case's own relocation tasks, whose callers have
 * already opened the case: the places of the year follow the state, the process waits for the next step with its
 * reminder, the timeline and the audit trail record it.
 */
@ApplicationScoped
public class RouteProgress {

    /** Test servers shorten every reminder wait (e.g. {@code PT3S}); production uses the programme's figures. */
    static final String REMIND_AFTER_PROPERTY = "continuum.route.remindAfter";

    @Inject
    Routes routes;

    @Inject
    RouteWorkflow workflow;

    @Inject
    CaseEvents events;

    /** Reminder waits on test servers, or null. */
    public static Duration scale() {
        String after = System.getProperty(REMIND_AFTER_PROPERTY);
        return after == null || after.isBlank() ? null : Duration.parse(after);
    }

    public void move(CaseFile caseFile, RouteApplication application, RouteApplication.Step step,
                     LocalDate travelDate, String note, String actor) {
        Instant now = Instant.now();
        Programme programme = routes.programme(application.getProgrammeId()).orElseThrow();
        RouteApplication.State before = InvalidInput.whenRefused(() -> application.move(step, travelDate, note, now));
        RouteApplication.State after = application.getState();
        if (before.holdsPlaces() && !after.holdsPlaces()) {
            routes.yearLocked(programme, application.getYear()).release(application.getPersons(),
                    before.placesUsed());
        } else if (!before.placesUsed() && after.placesUsed()) {
            routes.yearLocked(programme, application.getYear()).use(application.getPersons());
        }
        Instant reminder = after.waiting() ? RouteRules.reminderAt(programme, after, application.travelDate(), now,
                scale()) : null;
        application.reminderDue(reminder);
        workflow.moved(application.getProcessInstanceId(), step.name(), reminder);
        events.record(caseFile, actor, CaseEventKind.ROUTE_MOVED, "state=" + after, note,
                AuditAction.ROUTE_APPLICATION_MOVED, "from=" + before + " to=" + after);
    }

    /** The person arrived (the case's arrival task): an issued or booked application ends as arrived. */
    public void arrived(CaseFile caseFile, String actor) {
        routes.waitingLocked(caseFile.getId()).filter(a -> a.getState().placesUsed())
                .ifPresent(a -> move(caseFile, a, RouteApplication.Step.ARRIVED, null, null, actor));
    }

    /** The relocation was called off (the case's arrival task): an application on its way is withdrawn. */
    public void calledOff(CaseFile caseFile, String actor, String reason) {
        routes.waitingLocked(caseFile.getId())
                .ifPresent(a -> move(caseFile, a, RouteApplication.Step.WITHDRAWN, null, reason, actor));
    }

    /** The state of the case's application on its way, if any. */
    public Optional<RouteApplication.State> waitingState(CaseFile caseFile) {
        return routes.applicationsOf(caseFile.getId()).stream().filter(a -> a.getState().waiting())
                .map(RouteApplication::getState).findFirst();
    }

    /** The destination of the case's application on its way, when its programme has exactly one. */
    public Optional<String> waitingDestination(CaseFile caseFile) {
        return routes.applicationsOf(caseFile.getId()).stream().filter(a -> a.getState().waiting()).findFirst()
                .flatMap(a -> routes.programme(a.getProgrammeId()))
                .filter(p -> p.getDestinations().size() == 1).map(p -> p.getDestinations().get(0));
    }
}
