package org.continuum.casefile.control;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The port through which the domain drives the case process. The {@code workflow} module implements it with the
 * embedded engine; this module never sees the engine's types (checked by ArchUnit), so the engine can change
 * without touching the domain. Process variables carry ids and small decision values only.
 */
public interface CaseWorkflow {

    String TRIAGE_TASK = "Task_Triage";

    /** Starts the case process in the caller's transaction; returns the process instance id. */
    String start(CaseStart start);

    /** Open tasks offered to {@code candidateGroup} on case files of {@code teamCode}, oldest first. */
    List<WorkTask> openTasks(String candidateGroup, String teamCode, int max);

    Optional<WorkTask> findOpenTask(String taskId);

    List<WorkTask> openTasksOf(long caseFileId);

    void completeTriage(String taskId, boolean eligible);

    record CaseStart(long caseFileId, String reference, String teamCode, Duration triageDeadline) {
    }
}
