package org.continuum.administration.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.casefile.control.CaseEvents;
import org.continuum.casefile.control.CaseFiles;
import org.continuum.casefile.control.CaseWorkflow;
import org.continuum.casefile.control.TaskKind;
import org.continuum.casefile.control.WorkTask;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.identity.control.Caller;
import org.continuum.identity.control.Staff;
import org.continuum.identity.entity.Role;
import org.continuum.identity.entity.UserAccount;
import org.continuum.notification.entity.NotificationKind;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.control.Roles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When someone leaves or is away: one action moves all their open tasks (claimed or assigned) and their mentor
 * assignments to a named colleague, after the administrator has seen the list. Every item must suit the colleague
 * (active, same team as the case, holding the role the item needs), or nothing moves. Each item is audited, each
 * case's timeline says so, and the colleague is told. The list shows references and pseudonyms only.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class Handover {

    static final int MAX_ITEMS = 500;

    @Inject
    Caller currentCaller;

    @Inject
    Staff staff;

    @Inject
    CaseFiles caseFiles;

    @Inject
    CaseWorkflow workflow;

    @Inject
    CaseEvents events;

    @Inject
    AuditTrail audit;

    /** One thing that moves: a mentor assignment (task null) or an open task, with what stops it, if anything. */
    public record Item(String caseReference, String pseudonym, TaskKind task, String problem) implements Serializable {
    }

    public record Plan(String from, String to, List<Item> items) implements Serializable {
        public boolean possible() {
            return !items.isEmpty() && items.stream().allMatch(i -> i.problem() == null);
        }
    }

    public Plan preview(String from, String to) {
        return plan(person(from), colleague(from, to)).plan();
    }

    /** Moves everything of the preview; refused as a whole when any item cannot go to the colleague. */
    public int handOver(String from, String to) {
        String admin = currentCaller.username();
        UserAccount leaving = person(from);
        UserAccount receiving = colleague(from, to);
        Work work = plan(leaving, receiving);
        if (!work.plan().possible()) {
            throw new InvalidInput(work.plan().items().isEmpty() ? "handover.nothing" : "handover.notPossible");
        }
        Set<CaseFile> told = new LinkedHashSet<>();
        for (CaseFile caseFile : work.mentored()) {
            caseFile.assignMentor(receiving);
            workflow.setMentor(caseFile.getProcessInstanceId(), receiving.getUsername());
            events.record(caseFile, admin, CaseEventKind.TASK_REASSIGNED, "handover mentor " + leaving.getUsername() + " to "
                    + receiving.getUsername(), null, AuditAction.HANDOVER,
                    "mentor " + leaving.getUsername() + " to " + receiving.getUsername());
            told.add(caseFile);
        }
        for (Map.Entry<WorkTask, CaseFile> task : work.tasks().entrySet()) {
            workflow.assign(task.getKey().id(), receiving.getUsername());
            TaskKind kind = TaskKind.of(task.getKey().definitionKey()).orElseThrow();
            events.record(task.getValue(), admin, CaseEventKind.TASK_REASSIGNED, "handover task=" + kind.name() + " "
                    + leaving.getUsername() + " to " + receiving.getUsername(), null,
                    AuditAction.HANDOVER, kind.name() + " " + leaving.getUsername() + " to " + receiving.getUsername());
            told.add(task.getValue());
        }
        for (CaseFile caseFile : told) {
            events.notify(NotificationKind.TASK_ASSIGNED, caseFile, List.of(receiving),
                    "handover=" + leaving.getUsername() + ":" + receiving.getUsername() + ":case=" + caseFile.getId());
        }
        audit.record(admin, AuditAction.HANDOVER, null, leaving.getUsername() + " to " + receiving.getUsername()
                + " items=" + work.plan().items().size());
        return work.plan().items().size();
    }

    private record Work(Plan plan, List<CaseFile> mentored, Map<WorkTask, CaseFile> tasks) {
    }

    private Work plan(UserAccount from, UserAccount to) {
        List<Item> items = new ArrayList<>();
        List<CaseFile> mentored = caseFiles.mentoredBy(from);
        Set<String> mentorProcesses = new LinkedHashSet<>();
        for (CaseFile c : mentored) {
            mentorProcesses.add(c.getProcessInstanceId());
            items.add(new Item(c.getReference(), c.getPseudonym(), null,
                    !to.hasRole(Role.SECURITY_MENTOR) ? "handover.role"
                            : !c.belongsTo(to.getTeam()) ? "handover.team" : null));
        }
        Map<WorkTask, CaseFile> tasks = new LinkedHashMap<>();
        for (WorkTask task : workflow.tasksAssignedTo(from.getUsername(), MAX_ITEMS)) {
            CaseFile c = caseFiles.get(task.caseFileId());
            TaskKind kind = TaskKind.of(task.definitionKey()).orElse(null);
            boolean followsMentor = kind != null && kind.isForAssignedMentor()
                    && mentorProcesses.contains(c.getProcessInstanceId());
            String problem = kind == null ? "handover.task" : !to.hasRole(kind.role()) ? "handover.role"
                    : !c.belongsTo(to.getTeam()) ? "handover.team" : null;
            items.add(new Item(c.getReference(), c.getPseudonym(), kind, problem));
            if (!followsMentor) {
                tasks.put(task, c);
            }
        }
        return new Work(new Plan(from.getUsername(), to.getUsername(), items), mentored, tasks);
    }

    private UserAccount person(String username) {
        return staff.byUsername(username).orElseThrow(() -> new InvalidInput("account.unknown"));
    }

    private UserAccount colleague(String from, String username) {
        UserAccount to = staff.byUsername(username).orElseThrow(() -> new InvalidInput("handover.colleague"));
        if (!to.isEnabled() || to.getUsername().equals(from)) {
            throw new InvalidInput("handover.colleague");
        }
        return to;
    }
}
