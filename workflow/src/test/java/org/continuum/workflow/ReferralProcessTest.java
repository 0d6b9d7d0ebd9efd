package org.continuum.workflow;

import org.continuum.casefile.control.CaseWorkflow.Var;
import org.continuum.referral.control.ReferralWorkflow;
import org.continuum.workflow.referral.ReferralProcess;
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
 * The referral process on an in-memory engine (schema from the production migration), one test per path, the engine
 * clock moved instead of sleeping; every sequence flow must be taken (R10).
 */
class ReferralProcessTest {

    private static ProcessEngine engine;
    private static final List<Long> REMINDED = new CopyOnWriteArrayList<>();
    private static final Set<String> FLOWS_TAKEN = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void startEngine() throws Exception {
        Map<Object, Object> beans = new HashMap<>();
        beans.put("flagReferralOverdueDelegate",
                (JavaDelegate) execution -> REMINDED.add(((Number) execution.getVariable(ReferralWorkflow.Var.REFERRAL_ID)).longValue()));
        engine = TestEngine.start("referral-process-test", beans, FLOWS_TAKEN, "bpmn/referral.bpmn");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @AfterAll
    static void everySequenceFlowWasTaken() {
        TestEngine.assertEveryFlowTakenThenClose(engine, FLOWS_TAKEN, "/bpmn/referral.bpmn", ReferralProcessTest.class);
    }

    private static ProcessInstance send(long referralId, Duration answerWithin) {
        return engine.getRuntimeService().startProcessInstanceByKey(ReferralProcess.PROCESS_KEY,
                "CF-2026-000001/R" + referralId, Variables.createVariables()
                        .putValue(ReferralWorkflow.Var.REFERRAL_ID, referralId)
                        .putValue(Var.CASE_FILE_ID, 1L)
                        .putValue(Var.CASE_REFERENCE, "CF-2026-000001")
                        .putValue(Var.TEAM_CODE, "MENA")
                        .putValue(ReferralWorkflow.Var.ANSWER_DUE_AT,
                                new Date(ClockUtil.getCurrentTime().getTime() + answerWithin.toMillis())));
    }

    private static void answer(ProcessInstance instance) {
        engine.getRuntimeService().createMessageCorrelation(ReferralProcess.ANSWERED_MESSAGE)
                .processInstanceId(instance.getId()).correlate();
    }

    private static boolean ended(ProcessInstance instance) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
                .count() == 0;
    }

    private static boolean passed(ProcessInstance instance, String activityId) {
        return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId(activityId).finished().count() > 0;
    }

    @Test
    void anAnswerInTimeEndsTheWaitAndItsReminder() {
        ProcessInstance instance = send(11, Duration.ofDays(7));
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .count()).as("reminder armed").isOne();
        answer(instance);
        assertThat(ended(instance)).isTrue();
        assertThat(passed(instance, "EndEvent_PartnerAnswered")).isTrue();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count())
                .as("no reminder left behind").isZero();
        assertThat(REMINDED).doesNotContain(11L);
    }

    @Test
    void aLateAnswerRemindsTheTeamOnceAndTheAnswerIsStillAwaited() {
        ProcessInstance instance = send(12, Duration.ofDays(3));
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .singleResult();
        assertThat(timer.getDuedate()).isAfter(ClockUtil.getCurrentTime());
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
        engine.getManagementService().executeJob(timer.getId());
        assertThat(REMINDED).containsOnlyOnce(12L);
        assertThat(passed(instance, "EndEvent_TeamReminded")).isTrue();
        assertThat(ended(instance)).as("still waiting for the answer").isFalse();
        answer(instance);
        assertThat(ended(instance)).isTrue();
        assertThat(passed(instance, "EndEvent_PartnerAnswered")).isTrue();
    }
}
