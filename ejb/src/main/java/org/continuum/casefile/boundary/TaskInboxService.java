package org.continuum.casefile.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.casefile.control.CaseWorkflow;
import org.continuum.casefile.control.WorkTask;
import org.continuum.identity.control.Staff;
import org.continuum.identity.entity.Role;
import org.continuum.identity.entity.Roles;
import org.continuum.identity.entity.UserAccount;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The caller's task inbox: tasks offered to one of their roles on case files of their own team. */
@Stateless
@RolesAllowed({Roles.CASEWORKER, Roles.COORDINATOR, Roles.SECURITY_MENTOR})
public class TaskInboxService {

    static final int MAX_TASKS = 200;

    @Resource
    SessionContext context;

    @Inject
    Staff staff;

    @Inject
    CaseWorkflow workflow;

    public List<WorkTask> myTasks() {
        UserAccount caller = staff.caller(context.getCallerPrincipal().getName());
        if (caller.getTeam() == null) {
            return List.of();
        }
        List<WorkTask> tasks = new ArrayList<>();
        for (Role role : caller.getRoles()) {
            if (role == Role.CASEWORKER || role == Role.SECURITY_MENTOR || role == Role.COORDINATOR) {
                tasks.addAll(workflow.openTasks(role.name(), caller.getTeam().getCode(), MAX_TASKS));
            }
        }
        tasks.sort(Comparator.comparing(WorkTask::created));
        return tasks;
    }
}
