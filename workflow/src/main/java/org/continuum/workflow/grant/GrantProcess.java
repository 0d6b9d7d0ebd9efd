package org.continuum.workflow.grant;

/** The key of the emergency-grant process; its variable names are the domain's ({@code GrantWorkflow.Var}). */
public final class GrantProcess {

    public static final String PROCESS_KEY = "Process_EmergencyGrant";

    private GrantProcess() {
    }
}
