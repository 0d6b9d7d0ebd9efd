package org.continuum.workflow.casefile;

import org.continuum.casefile.control.CaseWorkflow;

/**
 * Four eyes on a grant decision: the decider is not the recommender. The container's listener also asks our tables
 * whether that person recorded a decision on this grant.
 */
public class GrantDecisionCheck extends FourEyesCheck {

    public GrantDecisionCheck() {
        super(CaseWorkflow.Var.GRANT_RECOMMENDER, "no-recommender", "own-recommendation");
    }
}
