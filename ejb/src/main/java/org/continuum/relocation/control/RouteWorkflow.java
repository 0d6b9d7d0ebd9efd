package org.continuum.relocation.control;

import java.time.Instant;

/**
 * The port through which relocation routes drive an application's process (waiting for the decision, the travel
 * booking and the arrival, each with a reminder). The {@code workflow} module implements it with the embedded engine.
 */
public interface RouteWorkflow {

    /** Starts the process of a submitted application, its first reminder at {@code reminderAt}; returns its id. */
    String submitted(RouteStart start);

    /**
     * The application moved ({@code step} is a {@code RouteApplication.Step} name); the next wait's reminder is at
     * {@code reminderAt} (null when the application ended). False when no process was waiting for it.
     */
    boolean moved(String processInstanceId, String step, Instant reminderAt);

    record RouteStart(long applicationId, long caseFileId, String caseReference, String teamCode, Instant reminderAt) {
    }

    /** Names of the process's own variables; the BPMN's expressions use the same names. */
    final class Var {
        public static final String APPLICATION_ID = "applicationId";
        public static final String STEP = "routeStep";
        public static final String REMINDER_AT = "reminderAt";

        private Var() {
        }
    }
}
