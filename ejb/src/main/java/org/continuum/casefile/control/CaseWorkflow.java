package org.continuum.casefile.control;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The port through which the domain drives the case process and reads the task inbox (the case process's tasks
 * and those of the grant process it calls; the grant and referral processes have their own ports,
 * {@code GrantWorkflow} and {@code ReferralWorkflow}). The {@code workflow} module implements it with the
 * embedded engine; this module never sees the engine's types (checked by ArchUnit), so the engine can change
 * without touching the domain. Process variables carry ids and small decision values only (see {@link Var}).
 */
public interface CaseWorkflow {

    /** Starts the case process in the caller's transaction; returns the process instance id. */
    String start(CaseStart start);

    /** Open tasks offered to {@code candidateGroup} on case files of {@code teamCode}, oldest first. */
    default List<WorkTask> openTasks(String candidateGroup, String teamCode, int max) {
        return describe(openTaskHeads(candidateGroup, teamCode, max));
    }

    /** Open tasks assigned to one person (a mentor's tasks follow the case files assigned to them). */
    default List<WorkTask> tasksAssignedTo(String username, int max) {
        return describe(taskHeadsAssignedTo(username, max));
    }

    /** {@link #openTasks} without reading their case variables: for counting an inbox. */
    List<TaskHead> openTaskHeads(String candidateGroup, String teamCode, int max);

    /** {@link #tasksAssignedTo} without reading their case variables. */
    List<TaskHead> taskHeadsAssignedTo(String username, int max);

    /**
     * The tasks with their case file (one query for all); a task whose process ended meanwhile is no longer open
     * and is left out.
     */
    List<WorkTask> describe(List<TaskHead> heads);

    Optional<WorkTask> findOpenTask(String taskId);

    List<WorkTask> openTasksOf(long caseFileId);

    /** Sets or clears ({@code null}) the task's assignee. */
    void assign(String taskId, String username);

    /** Completes the task as {@code actor} (who becomes its assignee first) with the given process variables. */
    void complete(String taskId, String actor, Map<String, Object> variables);

    /** Sets a case variable on the running process, e.g. a new mentor; open tasks of that mentor follow. */
    void setMentor(String processInstanceId, String mentor);

    /**
     * Tells the process a new threat was reported. Returns true when a waiting process reacted (monitoring or exile
     * support: an immediate reassessment), false when the process is busy elsewhere and the report is only recorded.
     */
    boolean newThreatReported(String processInstanceId);

    /** The BPMN ids where the case's process stands now and those it has passed, for the diagram. */
    ProcessPosition position(String processInstanceId);

    /** The BPMN 2.0 XML of the process definition a case runs on. */
    Optional<String> diagram(String processDefinitionId);

    /**
     * Generated data only (the demo's organisation, the benchmarks): starts the case process directly at {@code at},
     * as if it had passed the steps before, with the decision variables those steps would have set. Start listeners
     * of the wait state are not run (nobody is told about a generated case). A closing state starts and ends the
     * instance at once, leaving its history.
     */
    String startAt(CaseStart start, WaitState at, Map<String, Object> variables);

    /** The wait states a running case process sits at now; empty once it has ended. */
    Set<WaitState> waitStatesOf(String processInstanceId);

    /** Failed jobs of the engine (timers or delegates that ran out of retries), across all processes. */
    long incidents();

    record CaseStart(long caseFileId, String reference, String teamCode, Duration triageDeadline) {
    }

    /** Where a case process can wait, named for the domain; the workflow module maps them to its BPMN ids. */
    enum WaitState {
        TRIAGE(org.continuum.casefile.entity.Phase.TRIAGE),
        VERIFICATION(org.continuum.casefile.entity.Phase.TRIAGE),
        ASSESSMENT(org.continuum.casefile.entity.Phase.RISK_ASSESSMENT),
        PLANNING(org.continuum.casefile.entity.Phase.PROTECTION_PLAN),
        MONITORING(org.continuum.casefile.entity.Phase.PROTECTION_PLAN),
        REASSESSMENT(org.continuum.casefile.entity.Phase.PROTECTION_PLAN),
        LOCAL_CLOSURE_SIGN_OFF(org.continuum.casefile.entity.Phase.PROTECTION_PLAN),
        ESCALATION_APPROVAL(org.continuum.casefile.entity.Phase.ESCALATION),
        RELOCATION_PREPARATION(org.continuum.casefile.entity.Phase.RELOCATION),
        ARRIVAL(org.continuum.casefile.entity.Phase.RELOCATION),
        EXILE_MONITORING(org.continuum.casefile.entity.Phase.EXILE_SUPPORT),
        CHECK_IN(org.continuum.casefile.entity.Phase.EXILE_SUPPORT),
        EXILE_REASSESSMENT(org.continuum.casefile.entity.Phase.EXILE_SUPPORT),
        CLOSURE_SIGN_OFF(org.continuum.casefile.entity.Phase.EXILE_SUPPORT),
        CLOSED_AT_TRIAGE(org.continuum.casefile.entity.Phase.CLOSED),
        CLOSED_UNVERIFIED(org.continuum.casefile.entity.Phase.CLOSED),
        CLOSED_IN_PLACE(org.continuum.casefile.entity.Phase.CLOSED),
        CLOSED_AFTER_RELOCATION(org.continuum.casefile.entity.Phase.CLOSED);

        private final org.continuum.casefile.entity.Phase phase;

        WaitState(org.continuum.casefile.entity.Phase phase) {
            this.phase = phase;
        }

        /** The phase a case file has while its process waits here. */
        public org.continuum.casefile.entity.Phase phase() {
            return phase;
        }

        public boolean isEnd() {
            return phase == org.continuum.casefile.entity.Phase.CLOSED;
        }
    }

    record ProcessPosition(String processDefinitionId, Set<String> active, Set<String> passed) {
    }

    /** Names and values of the process variables; the BPMN's expressions use the same names. */
    final class Var {
        public static final String CASE_FILE_ID = "caseFileId";
        public static final String CASE_REFERENCE = "caseReference";
        public static final String TEAM_CODE = "teamCode";
        public static final String TRIAGE_DEADLINE = "triageDeadline";
        public static final String TRIAGE_DUE_AT = "triageDueAt";
        /** ELIGIBLE, INELIGIBLE or DUPLICATE. */
        public static final String TRIAGE_OUTCOME = "triageOutcome";
        /** Kept for process version 1 instances, which branch on it. */
        public static final String ELIGIBLE = "eligible";
        public static final String VERIFIED = "verified";
        public static final String MENTOR = "mentor";
        public static final String NEXT_REASSESSMENT_AT = "nextReassessmentAt";
        /** CONTINUE, ESCALATE or CLOSE. */
        public static final String REASSESSMENT = "reassessment";
        public static final String GATE_PASSED = "gatePassed";
        public static final String ESCALATION_PROPOSER = "escalationProposer";
        public static final String ESCALATION_APPROVED = "escalationApproved";
        /** ARRIVED or ABORTED. */
        public static final String RELOCATION = "relocation";
        public static final String NEXT_CHECK_IN_AT = "nextCheckInAt";
        /** CONTINUE or CLOSE. */
        public static final String CHECK_IN = "checkIn";
        public static final String CLOSURE_SIGNED_OFF = "closureSignedOff";

        private Var() {
        }
    }
}
