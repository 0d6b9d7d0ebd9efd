package org.continuum.workflow.casefile;

/**
 * The keys and message names of the case process and of the emergency-grant process it calls. Variable names are the domain's ({@code CaseWorkflow.Var}): they hold
 * ids and small decision values only; the case file itself lives in our tables, never in the engine's.
 */
public final class CaseFileProcessVariables {

    public static final String PROCESS_KEY = "Process_CaseFile";
    public static final String NEW_THREAT_MESSAGE = "NewThreat";
    public static final String GRANT_REQUESTED_MESSAGE = "EmergencyGrantRequested";
    public static final String GRANT_PROCESS_KEY = "Process_EmergencyGrant";
    public static final String REFERRAL_PROCESS_KEY = "Process_Referral";
    public static final String REFERRAL_ANSWERED_MESSAGE = "ReferralAnswered";


    private CaseFileProcessVariables() {
    }
}
