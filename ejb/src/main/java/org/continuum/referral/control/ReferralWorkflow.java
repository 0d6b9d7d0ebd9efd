package org.continuum.referral.control;

import java.time.Instant;

/**
 * The port through which the referral component drives the wait for a partner's answer (the referral process). The
 * {@code workflow} module implements it with the embedded engine.
 */
public interface ReferralWorkflow {

    /** Starts the wait for a partner's answer to a referral, with its reminder; returns the process instance id. */
    String sent(ReferralStart start);

    /** The partner answered: the wait (and its reminder) ends. False when no wait was running. */
    boolean answered(String processInstanceId);

    record ReferralStart(long referralId, long caseFileId, String caseReference, String teamCode,
                         Instant answerDueAt) {
    }

    /** Names of the referral process's own variables; the BPMN's expressions use the same names. */
    final class Var {
        public static final String REFERRAL_ID = "referralId";
        public static final String ANSWER_DUE_AT = "answerDueAt";

        private Var() {
        }
    }
}
