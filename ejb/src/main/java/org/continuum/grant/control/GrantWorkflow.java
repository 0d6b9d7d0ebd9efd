package org.continuum.grant.control;

import org.continuum.casefile.control.WorkTask;

import java.util.Optional;

/**
 * The port through which the grant component drives the emergency-grant process. The {@code workflow} module
 * implements it with the embedded engine; the grant component never sees the engine's types.
 */
public interface GrantWorkflow {

    /**
     * Starts the emergency-grant process for a recommended grant: through the case process's event sub-process
     * (which calls it), or on its own when the case's process cannot receive the request (an older process version,
     * or a process that has ended). Returns the grant process instance id.
     */
    String requested(String caseProcessInstanceId, GrantStart start);

    /** The open task of a grant's process, if any (decision, second approval, disbursement, report). */
    Optional<WorkTask> openTask(long grantId);

    record GrantStart(long grantId, String grantReference, String recommender, long caseFileId, String caseReference,
                      String teamCode) {
    }

    /** Names of the grant process's own variables; the BPMN's expressions use the same names. */
    final class Var {
        public static final String GRANT_ID = "grantId";
        public static final String GRANT_REFERENCE = "grantReference";
        public static final String GRANT_RECOMMENDER = "grantRecommender";
        /** APPROVED, AWAITING_SECOND_APPROVAL or REJECTED. */
        public static final String GRANT_DECISION = "grantDecision";
        public static final String MORE_TRANCHES = "moreTranches";
        public static final String REPORT_REQUIRED = "reportRequired";
        public static final String REPORT_DUE_AT = "reportDueAt";

        private Var() {
        }
    }
}
