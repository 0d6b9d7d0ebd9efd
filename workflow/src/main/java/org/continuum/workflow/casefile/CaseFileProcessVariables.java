package org.continuum.workflow.casefile;

/**
 * The key and message names of the case process (its event sub-process receives grant requests and calls the
 * emergency-grant process). Variable names are the domain's ({@code CaseWorkflow.Var}): they hold ids and small
 * decision values only; the case file itself lives in our tables, never in the engine's.
 */
public final class CaseFileProcessVariables {

    public static final String PROCESS_KEY = "Process_CaseFile";
    public static final String NEW_THREAT_MESSAGE = "NewThreat";
    public static final String GRANT_REQUESTED_MESSAGE = "EmergencyGrantRequested";

    private CaseFileProcessVariables() {
    }
}
