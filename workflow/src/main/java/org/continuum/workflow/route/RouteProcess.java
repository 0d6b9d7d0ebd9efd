package org.continuum.workflow.route;

/**
 * The key and message of the route-application process (the waits from submission to arrival); its variable names
 * are the domain's ({@code RouteWorkflow.Var}).
 */
public final class RouteProcess {

    public static final String PROCESS_KEY = "Process_RouteApplication";
    public static final String MOVED_MESSAGE = "RouteMoved";

    private RouteProcess() {
    }
}
