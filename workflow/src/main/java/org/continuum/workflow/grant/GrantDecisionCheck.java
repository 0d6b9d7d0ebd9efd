package org.continuum.workflow.grant;

import org.continuum.grant.control.GrantWorkflow;
import org.continuum.workflow.casefile.FourEyesCheck;

/**
 * Four eyes on a grant decision: the decider is not the recommender. The container's listener also asks our tables
 * whether that person recorded a decision on this grant.
 */
public class GrantDecisionCheck extends FourEyesCheck {

    public GrantDecisionCheck() {
        super(GrantWorkflow.Var.GRANT_RECOMMENDER, "no-recommender", "own-recommendation");
    }
}
