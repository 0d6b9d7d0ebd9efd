package org.continuum.workflow.route;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.platform.control.Roles;
import org.continuum.relocation.boundary.RouteProcessCallbacks;
import org.continuum.relocation.control.RouteWorkflow;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.JavaDelegate;

/** Fired by a reminder timer of an application: reminds the case team that a step takes longer than usual. */
@Stateless
@LocalBean
@PermitAll
@RunAs(Roles.SYSTEM)
public class RemindRouteDelegate implements JavaDelegate {

    @Inject
    RouteProcessCallbacks callbacks;

    @Override
    public void execute(DelegateExecution execution) {
        callbacks.remind(((Number) execution.getVariable(RouteWorkflow.Var.APPLICATION_ID)).longValue());
    }
}
