package org.continuum.workflow;

import org.continuum.casefile.control.CaseWorkflow.Var;
import org.continuum.relocation.control.RouteWorkflow;
import org.continuum.workflow.route.RouteProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.delegate.JavaDelegate;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.variable.Variables;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route-application process on an in-memory engine (schema from the production migration): every path from
 * submission to arrival, refusal and withdrawal, and the reminder of each wait fired by moving the engine clock;
 * every sequence flow must be taken (R10).
 */
class RouteApplicationProcessTest {

    private static ProcessEngine engine;
    private static final List<Long> REMINDED = new CopyOnWriteArrayList<>();
    private static final Set<String> FLOWS_TAKEN = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void startEngine() throws Exception {
        Map<Object, Object> beans = new HashMap<>();
        beans.put("remindRouteDelegate", (JavaDelegate) execution ->
                REMINDED.add(((Number) execution.getVariable(RouteWorkflow.Var.APPLICATION_ID)).longValue()));
        engine = TestEngine.start("route-process-test", beans, FLOWS_TAKEN, "bpmn/route-application.bpmn");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @AfterAll
    static void everySequenceFlowWasTaken() {
        TestEngine.assertEveryFlowTakenThenClose(engine, FLOWS_TAKEN, "/bpmn/route-application.bpmn", RouteApplicationProcessTest.class);
    }

    private static Date in(Duration d) {
        return new Date(ClockUtil.getCurrentTime().getTime() + d.toMillis());
    }

    private static ProcessInstance submit(long applicationId) {
        return engine.getRuntimeService().startProcessInstanceByKey(RouteProcess.PROCESS_KEY,
                "CF-2026-000001/A" + applicationId, Variables.createVariables()
                        .putValue(RouteWorkflow.Var.APPLICATION_ID, applicationId)
                        .putValue(Var.CASE_FILE_ID, 1L)
                        .putValue(Var.CASE_REFERENCE, "CF-2026-000001")
                        .putValue(Var.TEAM_CODE, "MENA")
                        .putValue(RouteWorkflow.Var.REMINDER_AT, in(Duration.ofDays(240))));
    }

    private static void move(ProcessInstance instance, String step, Duration remindIn) {
        engine.getRuntimeService().createMessageCorrelation(RouteProcess.MOVED_MESSAGE)
                .processInstanceId(instance.getId())
                .setVariable(RouteWorkflow.Var.STEP, step)
                .setVariable(RouteWorkflow.Var.REMINDER_AT, remindIn == null ? null : in(remindIn))
                .correlate();
    }

    private static boolean ended(ProcessInstance instance) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
                .count() == 0;
    }

    private static boolean passed(ProcessInstance instance, String activityId) {
        return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId(activityId).finished().count() > 0;
    }

    private static boolean waitsAt(ProcessInstance instance, String activityId) {
        return engine.getRuntimeService().getActiveActivityIds(instance.getId()).contains(activityId);
    }

    /** Fires the one reminder armed on the instance, the clock moved just past it. */
    private static void fireReminder(ProcessInstance instance) {
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .singleResult();
        assertThat(timer.getDuedate()).isAfter(ClockUtil.getCurrentTime());
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
        engine.getManagementService().executeJob(timer.getId());
    }

    @Test
    void interviewThenVisaThenBookingThenArrivalWithAReminderAtEachWait() {
        ProcessInstance instance = submit(21);
        fireReminder(instance);
        assertThat(REMINDED).containsOnlyOnce(21L);
        assertThat(waitsAt(instance, "ReceiveTask_AwaitDecision")).as("a reminder does not end the wait").isTrue();
        move(instance, "INTERVIEW", Duration.ofDays(240));
        assertThat(waitsAt(instance, "ReceiveTask_AwaitDecision")).isTrue();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .count()).as("the wait after the interview has its own reminder").isOne();
        move(instance, "ISSUED", Duration.ofDays(14));
        assertThat(waitsAt(instance, "ReceiveTask_AwaitBooking")).isTrue();
        fireReminder(instance);
        assertThat(REMINDED).containsExactly(21L, 21L);
        move(instance, "TRAVEL_BOOKED", Duration.ofDays(30));
        assertThat(waitsAt(instance, "ReceiveTask_AwaitArrival")).isTrue();
        fireReminder(instance);
        assertThat(REMINDED).containsExactly(21L, 21L, 21L);
        move(instance, "ARRIVED", null);
        assertThat(ended(instance)).isTrue();
        assertThat(passed(instance, "EndEvent_Arrived")).isTrue();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count())
                .as("no reminder left behind").isZero();
    }

    @Test
    void aRefusalEndsTheApplicationSoAnotherRouteCanBeChosen() {
        ProcessInstance instance = submit(22);
        move(instance, "REFUSED", null);
        assertThat(ended(instance)).isTrue();
        assertThat(passed(instance, "EndEvent_Refused")).isTrue();
        assertThat(REMINDED).doesNotContain(22L);
    }

    @Test
    void aWithdrawalEndsTheApplicationAtEveryWait() {
        ProcessInstance beforeDecision = submit(23);
        move(beforeDecision, "WITHDRAWN", null);
        assertThat(passed(beforeDecision, "EndEvent_Withdrawn")).isTrue();

        ProcessInstance beforeBooking = submit(24);
        move(beforeBooking, "ISSUED", Duration.ofDays(14));
        move(beforeBooking, "WITHDRAWN", null);
        assertThat(passed(beforeBooking, "EndEvent_Withdrawn")).isTrue();

        ProcessInstance beforeArrival = submit(25);
        move(beforeArrival, "ISSUED", Duration.ofDays(14));
        move(beforeArrival, "TRAVEL_BOOKED", Duration.ofDays(20));
        move(beforeArrival, "WITHDRAWN", null);
        assertThat(passed(beforeArrival, "EndEvent_Withdrawn")).isTrue();
        assertThat(List.of(beforeDecision, beforeBooking, beforeArrival)).allMatch(RouteApplicationProcessTest::ended);
    }

    @Test
    void anArrivalRightAfterTheVisaNeedsNoBooking() {
        ProcessInstance instance = submit(26);
        move(instance, "ISSUED", Duration.ofDays(14));
        move(instance, "ARRIVED", null);
        assertThat(ended(instance)).isTrue();
        assertThat(passed(instance, "EndEvent_Arrived")).isTrue();
    }
}
