package org.continuum.relocation.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.audit.entity.AuditAction;
import org.continuum.casefile.control.CaseEvents;
import org.continuum.casefile.control.CaseFiles;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.notification.entity.NotificationKind;
import org.continuum.platform.control.Roles;
import org.continuum.relocation.control.Routes;
import org.continuum.relocation.entity.RouteApplication;

import java.util.ArrayList;
import java.util.List;

/** What the route process tells the domain on its own (a reminder timer), running as {@link Roles#SYSTEM}. */
@Stateless
@RolesAllowed(Roles.SYSTEM)
public class RouteProcessCallbacks {

    @Inject
    Routes routes;

    @Inject
    CaseFiles caseFiles;

    @Inject
    CaseEvents events;

    /**
     * An application waited longer than usual at its step: the team is reminded once per step. A case file erased
     * meanwhile is not reminded of: nothing of it may be written again (its data key is gone).
     */
    public void remind(long applicationId) {
        RouteApplication application = routes.applicationLocked(applicationId).orElse(null);
        if (application == null) {
            return;
        }
        CaseFile caseFile = caseFiles.get(application.getCaseFileId());
        if (caseFile.isErased() || !application.markReminded()) {
            return;
        }
        events.recordBySystem(caseFile, CaseEventKind.ROUTE_REMINDER, "state=" + application.getState(),
                AuditAction.ROUTE_REMINDER, "state=" + application.getState());
        List<String> who = new ArrayList<>(List.of(application.getCreatedBy()));
        if (caseFile.getAssignedMentor() != null) {
            who.add(caseFile.getAssignedMentor().getUsername());
        }
        events.notifyUsers(NotificationKind.ROUTE_REMINDER, caseFile, who, "route=" + applicationId);
    }
}
