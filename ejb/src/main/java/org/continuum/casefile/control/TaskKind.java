package org.continuum.casefile.control;

import org.continuum.identity.entity.Role;

import java.util.Arrays;
import java.util.Optional;

/**
 * The user tasks of the case process and of the emergency-grant process it calls, by BPMN id, with the role whose
 * members do them. The process files and this list are checked against each other by a test, so a task cannot be
 * added to one and forgotten in the other.
 */
public enum TaskKind {
    TRIAGE("Task_Triage", Role.CASEWORKER),
    VERIFY("Task_Verify", Role.CASEWORKER),
    ASSESS_RISK("Task_AssessRisk", Role.SECURITY_MENTOR),
    PLAN_MEASURES("Task_PlanMeasures", Role.SECURITY_MENTOR),
    REASSESS("Task_Reassess", Role.SECURITY_MENTOR),
    APPROVE_ESCALATION("Task_ApproveEscalation", Role.COORDINATOR),
    PREPARE_RELOCATION("Task_PrepareRelocation", Role.CASEWORKER),
    CONFIRM_ARRIVAL("Task_ConfirmArrival", Role.CASEWORKER),
    CHECK_IN("Task_CheckIn", Role.CASEWORKER),
    EXILE_REASSESS("Task_ExileReassess", Role.SECURITY_MENTOR),
    SIGN_OFF_CLOSURE("Task_SignOffClosure", Role.COORDINATOR),
    SIGN_OFF_CLOSURE_IN_PLACE("Task_SignOffLocalClosure", Role.COORDINATOR),
    DECIDE_GRANT("Task_DecideGrant", Role.COORDINATOR),
    SECOND_GRANT_APPROVAL("Task_SecondApproval", Role.COORDINATOR),
    DISBURSE_GRANT("Task_Disburse", Role.COORDINATOR),
    RECEIVE_GRANT_REPORT("Task_ReceiveReport", Role.CASEWORKER);

    private final String definitionKey;
    private final Role role;

    TaskKind(String definitionKey, Role role) {
        this.definitionKey = definitionKey;
        this.role = role;
    }

    public String definitionKey() {
        return definitionKey;
    }

    public Role role() {
        return role;
    }

    /** Mentor tasks go to the case's assigned mentor; the others are offered to the team's members of the role. */
    public boolean isForAssignedMentor() {
        return role == Role.SECURITY_MENTOR;
    }

    /** Tasks of the emergency-grant process: done on the grant's page. */
    public boolean isGrantTask() {
        return this == DECIDE_GRANT || this == SECOND_GRANT_APPROVAL || this == DISBURSE_GRANT
                || this == RECEIVE_GRANT_REPORT;
    }

    public static Optional<TaskKind> of(String definitionKey) {
        return Arrays.stream(values()).filter(t -> t.definitionKey.equals(definitionKey)).findFirst();
    }
}
