package org.continuum.workflow.casefile;

/**
 * Names of the case process's variables, in one place. They hold ids and small decision values only: the case file
 * itself lives in our tables, never in the engine's.
 */
public final class CaseFileProcessVariables {

    public static final String PROCESS_KEY = "Process_CaseFile";
    public static final String CASE_FILE_ID = "caseFileId";
    public static final String CASE_REFERENCE = "caseReference";
    public static final String TEAM_CODE = "teamCode";
    public static final String TRIAGE_DEADLINE = "triageDeadline";
    public static final String TRIAGE_DUE_AT = "triageDueAt";
    public static final String ELIGIBLE = "eligible";

    private CaseFileProcessVariables() {
    }
}
