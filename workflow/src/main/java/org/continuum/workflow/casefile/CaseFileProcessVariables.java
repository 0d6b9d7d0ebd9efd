package org.continuum.workflow.casefile;

/**
 * The case process's key and message names. Variable names are the domain's ({@code CaseWorkflow.Var}): they hold
 * ids and small decision values only; the case file itself lives in our tables, never in the engine's.
 */
public final class CaseFileProcessVariables {

    public static final String PROCESS_KEY = "Process_CaseFile";
    public static final String NEW_THREAT_MESSAGE = "NewThreat";
    public static final String EMERGENCY_GRANT_MESSAGE = "EmergencyGrantRequested";

    private CaseFileProcessVariables() {
    }
}
