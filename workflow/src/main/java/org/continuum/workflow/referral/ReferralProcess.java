package org.continuum.workflow.referral;

/**
 * The key and message of the referral process (the wait for a partner's answer); its variable names are the
 * domain's ({@code ReferralWorkflow.Var}).
 */
public final class ReferralProcess {

    public static final String PROCESS_KEY = "Process_Referral";
    public static final String ANSWERED_MESSAGE = "ReferralAnswered";

    private ReferralProcess() {
    }
}
