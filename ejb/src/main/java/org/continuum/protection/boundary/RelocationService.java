package org.continuum.protection.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.casefile.control.CaseEvents;
import org.continuum.identity.control.Caller;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.audit.entity.AuditOutcome;
import org.continuum.platform.control.CaseAccessDenied;
import org.continuum.casefile.control.TaskKind;
import org.continuum.casefile.control.TaskGuard;
import org.continuum.casefile.control.CaseWorkflow;
import org.continuum.platform.control.InvalidInput;
import org.continuum.casefile.control.Timeline;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.casefile.entity.Outcome;
import org.continuum.platform.control.Roles;
import org.continuum.identity.entity.UserAccount;
import org.continuum.protection.control.ReviewSchedule;
import org.continuum.reference.control.Partners;
import org.continuum.reference.entity.Partner;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Relocation and support in exile: the caseworker prepares the move and confirms the arrival, then checks in on
 * the schedule (30, 90, 180 days by default); closing a relocated case needs a coordinator's sign-off, never the
 * proposer's own.
 */
@Stateless
@RolesAllowed(Roles.CASEWORKER)
public class RelocationService {

    @Inject
    Caller currentCaller;

    public static final int MAX_DEPENDANTS = 30;

    @Inject
    TaskGuard tasks;

    @Inject
    CaseWorkflow workflow;

    @Inject
    CaseEvents events;

    @Inject
    Timeline timeline;

    @Inject
    Partners partners;

    @Inject
    AuditTrail audit;

    @Inject
    org.continuum.relocation.control.RouteProgress routes;

    public void prepare(String taskId, RelocationPlan plan) {
        if (plan == null) {
            throw new InvalidInput("relocation.missing");
        }
        UserAccount caller = currentCaller.account();
        TaskGuard.OpenTask open = tasks.open(caller, taskId, TaskKind.PREPARE_RELOCATION,
                AuditAction.RELOCATION_UPDATED);
        CaseFile caseFile = open.caseFile();
        if (plan.dependants() < 0 || plan.dependants() > MAX_DEPENDANTS) {
            throw new InvalidInput("relocation.dependants.invalid");
        }
        if (plan.travelDocuments() == null) {
            throw new InvalidInput("relocation.documents.required");
        }
        if (plan.securityPlan() == null || plan.securityPlan().isBlank()) {
            throw new InvalidInput("relocation.securityPlan.required");
        }
        var waiting = routes.waitingState(caseFile);
        if (waiting.isPresent() && !waiting.get().placesUsed()) {
            throw new InvalidInput("relocation.application.pending");
        }
        Partner partner = partners.chosen(plan.partnerId());
        String destination = plan.destinationCountry() == null || plan.destinationCountry().isBlank()
                ? routes.waitingDestination(caseFile).orElse(null)
                : plan.destinationCountry().strip().toUpperCase(java.util.Locale.ROOT);
        InvalidInput.whenRefused(() -> caseFile.relocationPrepared(partner, destination, Instant.now()));
        workflow.complete(open.task().id(), caller.getUsername(), Map.of());
        String summary = "scope=" + caseFile.getRelocationScope() + " destination=" + destination + " documents="
                + plan.travelDocuments() + " dependants=" + plan.dependants()
                + (partner == null ? "" : " partner=" + partner.getCode());
        events.record(caseFile, caller.getUsername(), CaseEventKind.RELOCATION_PREPARED, summary, plan.securityPlan(),
                AuditAction.RELOCATION_UPDATED, "prepared");
    }

    /** The requester arrived (the date may be earlier than today), or the relocation was called off. */
    public void confirmArrival(String taskId, boolean arrived, Instant arrivedAt, String note) {
        UserAccount caller = currentCaller.account();
        TaskGuard.OpenTask open = tasks.open(caller, taskId, TaskKind.CONFIRM_ARRIVAL,
                AuditAction.RELOCATION_UPDATED);
        CaseFile caseFile = open.caseFile();
        Instant now = Instant.now();
        Map<String, Object> variables = new HashMap<>();
        if (arrived) {
            Instant firstCheckIn = ReviewSchedule.nextCheckIn(arrivedAt == null ? now : arrivedAt, 0, now);
            InvalidInput.whenRefused(() -> caseFile.arrived(arrivedAt, firstCheckIn, now));
            variables.put(CaseWorkflow.Var.RELOCATION, "ARRIVED");
            variables.put(CaseWorkflow.Var.NEXT_CHECK_IN_AT, firstCheckIn);
            routes.arrived(caseFile, caller.getUsername());
        } else {
            if (note == null || note.isBlank()) {
                throw new InvalidInput("relocation.abortReason.required");
            }
            Instant next = ReviewSchedule.nextReassessment(caseFile.getRiskLevel(), now);
            InvalidInput.whenRefused(() -> caseFile.backToProtectionPlan(next, now));
            variables.put(CaseWorkflow.Var.RELOCATION, "ABORTED");
            routes.calledOff(caseFile, caller.getUsername(), note);
        }
        workflow.complete(open.task().id(), caller.getUsername(), variables);
        events.record(caseFile, caller.getUsername(),
                arrived ? CaseEventKind.ARRIVED : CaseEventKind.RELOCATION_ABORTED,
                arrived ? "destination=" + caseFile.getDestinationCountry() : null, note,
                AuditAction.RELOCATION_UPDATED, arrived ? "arrived" : "aborted");
    }

    /**
     * A check-in after arrival: residual threats, psychosocial and digital-security follow-up, hand-over to a partner
     * in the country of arrival. With an outcome, it proposes closure to a coordinator instead of scheduling the next
     * check-in.
     */
    public void checkIn(String taskId, CheckIn checkIn) {
        if (checkIn == null) {
            throw new InvalidInput("checkIn.missing");
        }
        UserAccount caller = currentCaller.account();
        TaskGuard.OpenTask open = tasks.open(caller, taskId, TaskKind.CHECK_IN, AuditAction.CHECK_IN_RECORDED);
        CaseFile caseFile = open.caseFile();
        Partner handover = partners.chosen(checkIn.handoverPartnerId());
        Instant now = Instant.now();
        Instant next = ReviewSchedule.nextCheckIn(caseFile.getArrivedAt(), caseFile.getCheckInsDone() + 1, now);
        InvalidInput.whenRefused(() -> caseFile.checkedIn(handover, next, now));
        Map<String, Object> variables = new HashMap<>();
        variables.put(CaseWorkflow.Var.NEXT_CHECK_IN_AT, next);
        String summary = "number=" + caseFile.getCheckInsDone() + " residualThreat=" + checkIn.residualThreat()
                + " psychosocial=" + checkIn.psychosocialFollowUp() + " digital=" + checkIn.digitalFollowUp()
                + (handover == null ? "" : " handover=" + handover.getCode());
        timeline.record(caseFile, caller.getUsername(), CaseEventKind.CHECK_IN, summary, checkIn.note());
        if (checkIn.closeWith() != null) {
            InvalidInput.whenRefused(() -> caseFile.proposeClosure(checkIn.closeWith(), caller.getUsername(), now));
            events.record(caseFile, caller.getUsername(), CaseEventKind.CLOSURE_PROPOSED,
                    "outcome=" + checkIn.closeWith(), null, AuditAction.CLOSURE_PROPOSED,
                    "outcome=" + checkIn.closeWith());
        }
        variables.put(CaseWorkflow.Var.CHECK_IN, checkIn.closeWith() == null ? "CONTINUE" : "CLOSE");
        workflow.complete(open.task().id(), caller.getUsername(), variables);
        audit.record(caller.getUsername(), AuditAction.CHECK_IN_RECORDED, caseFile.getId(),
                "number=" + caseFile.getCheckInsDone() + (handover == null ? "" : " handed-over"));
    }

    /**
     * A coordinator signs off (or refuses) the closure someone else proposed: of a relocated case after a check-in,
     * or of a case protected in place after a reassessment. Refused, a relocated case goes on with its check-ins and
     * a case in place goes back to its protection plan.
     */
    @RolesAllowed(Roles.COORDINATOR)
    public void signOffClosure(String taskId, boolean signOff, String note) {
        UserAccount caller = currentCaller.account();
        TaskGuard.OpenTask open = tasks.open(caller, taskId, null, AuditAction.CLOSURE_DECIDED);
        boolean inPlace = open.kind() == TaskKind.SIGN_OFF_CLOSURE_IN_PLACE;
        if (!inPlace && open.kind() != TaskKind.SIGN_OFF_CLOSURE) {
            audit.recordIndependently(caller.getUsername(), AuditAction.CLOSURE_DECIDED, open.caseFile().getId(),
                    AuditOutcome.DENIED, "task-kind " + open.kind());
            throw new CaseAccessDenied();
        }
        CaseFile caseFile = open.caseFile();
        if (caller.getUsername().equals(caseFile.getClosureProposedBy())) {
            audit.recordIndependently(caller.getUsername(), AuditAction.CLOSURE_DECIDED, caseFile.getId(),
                    AuditOutcome.DENIED, "four-eyes own-proposal");
            throw new CaseAccessDenied();
        }
        Instant now = Instant.now();
        var outcome = caseFile.getClosureOutcome();
        Map<String, Object> variables = new HashMap<>();
        variables.put(CaseWorkflow.Var.CLOSURE_SIGNED_OFF, signOff);
        if (signOff) {
            InvalidInput.whenRefused(() -> {
                if (inPlace) {
                    caseFile.closureInPlaceSignedOff(caller.getUsername(), now);
                } else {
                    caseFile.closureSignedOff(caller.getUsername(), now);
                }
            });
        } else {
            if (note == null || note.isBlank()) {
                throw new InvalidInput("closure.refusalReason.required");
            }
            if (inPlace) {
                InvalidInput.whenRefused(() -> caseFile.closureInPlaceRefused(now));
            } else {
                Instant next = ReviewSchedule.nextCheckIn(caseFile.getArrivedAt(), caseFile.getCheckInsDone(), now);
                InvalidInput.whenRefused(() -> caseFile.closureRefused(next, now));
                variables.put(CaseWorkflow.Var.NEXT_CHECK_IN_AT, next);
            }
        }
        workflow.complete(open.task().id(), caller.getUsername(), variables);
        events.record(caseFile, caller.getUsername(), signOff ? CaseEventKind.CLOSED : CaseEventKind.CLOSURE_REFUSED,
                "outcome=" + outcome, note, AuditAction.CLOSURE_DECIDED,
                (signOff ? "signed-off" : "refused") + " outcome=" + outcome + (inPlace ? " in-place" : ""));
    }

    public enum TravelDocuments { NOT_NEEDED, IN_PREPARATION, VISA_REQUESTED, READY }

    public record RelocationPlan(Long partnerId, String destinationCountry, TravelDocuments travelDocuments,
                                 int dependants, String securityPlan) {
        @Override
        public String toString() {
            return "RelocationPlan[" + travelDocuments + "]";
        }
    }

    public record CheckIn(boolean residualThreat, boolean psychosocialFollowUp, boolean digitalFollowUp,
                          Long handoverPartnerId, String note, Outcome closeWith) {
        @Override
        public String toString() {
            return "CheckIn[" + closeWith + "]";
        }
    }
}
