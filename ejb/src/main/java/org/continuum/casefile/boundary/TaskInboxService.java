package org.continuum.casefile.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import org.continuum.notification.entity.NotificationKind;
import org.continuum.casefile.control.CaseEvents;
import org.continuum.identity.control.Caller;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.audit.entity.AuditOutcome;
import org.continuum.platform.control.CaseAccessDenied;
import org.continuum.casefile.control.CaseGuard;
import org.continuum.casefile.control.TaskKind;
import org.continuum.casefile.control.TaskGuard;
import org.continuum.casefile.control.CaseWorkflow;
import org.continuum.platform.control.InvalidInput;
import org.continuum.casefile.control.TaskHead;
import org.continuum.casefile.control.WorkTask;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.identity.control.Staff;
import org.continuum.identity.entity.Role;
import org.continuum.platform.control.Roles;
import org.continuum.identity.entity.UserAccount;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The caller's task inbox and the moves on a task that are not its form: claim, release, reassign. Caseworker and
 * coordinator tasks are offered to the team's members of the role; mentor tasks go to the case's assigned mentor.
 */
@Stateless
@RolesAllowed({Roles.CASEWORKER, Roles.COORDINATOR, Roles.SECURITY_MENTOR})
public class TaskInboxService {

    @Inject
    Caller currentCaller;

    static final int MAX_TASKS = 200;

    @Inject
    CaseEvents events;

    @Inject
    Staff staff;

    @Inject
    CaseWorkflow workflow;

    @Inject
    TaskGuard tasks;

    @Inject
    CaseGuard guard;


    @Inject
    AuditTrail audit;

    /** The caller's inbox, oldest first, each task with its case file. */
    public List<WorkTask> myTasks() {
        return workflow.describe(inbox(currentCaller.account()).heads());
    }

    /**
     * The dashboard's view of the inbox: how many tasks wait for me (mine or unclaimed in my team), how many are
     * overdue, and the {@code shown} oldest with their case files. Only those few are read with their case (P2:
     * reading the case of 200 tasks was most of a dashboard's time on H2).
     */
    public InboxOverview overview(int shown) {
        UserAccount caller = currentCaller.account();
        Inbox inbox = inbox(caller);
        Instant now = Instant.now();
        List<TaskHead> heads = inbox.heads();
        long mine = heads.stream().filter(t -> t.assignee() == null || caller.getUsername().equals(t.assignee()))
                .count();
        long overdue = heads.stream().filter(t -> t.isOverdue(now)).count();
        return new InboxOverview(workflow.describe(heads.subList(0, Math.min(Math.max(shown, 0), heads.size()))),
                mine, overdue, inbox.capped());
    }

    /**
     * The dashboard's view of the inbox. {@code capped}: a list reached {@link #MAX_TASKS}, so the counts are lower
     * bounds.
     */
    public record InboxOverview(List<WorkTask> oldest, long mineOrUnclaimed, long overdue, boolean capped) implements Serializable {
    }

    private record Inbox(List<TaskHead> heads, boolean capped) {
    }

    /** A mentor's own tasks and the tasks offered to the caller's roles in their team, oldest first. */
    private Inbox inbox(UserAccount caller) {
        Map<String, TaskHead> found = new LinkedHashMap<>();
        boolean capped = false;
        if (caller.hasRole(Role.SECURITY_MENTOR)) {
            List<TaskHead> own = workflow.taskHeadsAssignedTo(caller.getUsername(), MAX_TASKS);
            capped = own.size() >= MAX_TASKS;
            own.forEach(t -> found.put(t.id(), t));
        }
        if (caller.getTeam() != null) {
            for (Role role : List.of(Role.CASEWORKER, Role.COORDINATOR)) {
                if (caller.hasRole(role)) {
                    List<TaskHead> offered = workflow.openTaskHeads(role.name(), caller.getTeam().getCode(),
                            MAX_TASKS);
                    capped |= offered.size() >= MAX_TASKS;
                    offered.forEach(t -> found.put(t.id(), t));
                }
            }
        }
        List<TaskHead> heads = new ArrayList<>(found.values());
        heads.sort(Comparator.comparing(TaskHead::created).thenComparing(TaskHead::id));
        return new Inbox(heads, capped);
    }

    /** Opens a task for its form: audited, refused (and audited) when the caller may not do it. */
    public TaskFacts open(String taskId) {
        UserAccount caller = currentCaller.account();
        TaskGuard.OpenTask open = tasks.open(caller, taskId, null, AuditAction.TASK_OPENED);
        CaseFile c = open.caseFile();
        audit.record(caller.getUsername(), AuditAction.TASK_OPENED, c.getId(), open.kind().definitionKey());
        return new TaskFacts(open.task(), open.kind(), c.getId(), c.getReference(), c.getPseudonym(), c.getPhase(),
                c.getUrgency(), c.getRiskLevel(), c.getSituation(), c.getRequestType(), c.getCountry(),
                c.getNextReviewAt(), c.getRelocationScope(), c.getArrivedAt(), c.getCheckInsDone(),
                c.getClosureOutcome(), c.getClosureProposedBy());
    }

    /** Takes an unclaimed task so that others see it is being worked on. */
    public void claim(String taskId) {
        UserAccount caller = currentCaller.account();
        TaskGuard.OpenTask open = tasks.open(caller, taskId, null, AuditAction.TASK_CLAIMED);
        workflow.assign(open.task().id(), caller.getUsername());
        audit.record(caller.getUsername(), AuditAction.TASK_CLAIMED, open.caseFile().getId(), open.kind().name());
    }

    /** Gives a claimed task back to the team. A mentor's task stays with the case's mentor: a coordinator reassigns it. */
    public void release(String taskId) {
        UserAccount caller = currentCaller.account();
        TaskGuard.OpenTask open = tasks.open(caller, taskId, null, AuditAction.TASK_RELEASED);
        if (open.kind().isForAssignedMentor()) {
            throw new InvalidInput("tasks.release.mentorTask");
        }
        if (!caller.getUsername().equals(open.task().assignee())) {
            throw new InvalidInput("tasks.release.notClaimed");
        }
        workflow.assign(open.task().id(), null);
        audit.record(caller.getUsername(), AuditAction.TASK_RELEASED, open.caseFile().getId(), open.kind().name());
    }

    /**
     * A coordinator hands a task to a team member who holds the task's role. Reassigning a mentor task makes the new
     * mentor the case's mentor, since need to know follows the assignment.
     */
    @RolesAllowed(Roles.COORDINATOR)
    public void reassign(String taskId, String username) {
        UserAccount caller = currentCaller.account();
        WorkTask task = (taskId == null ? java.util.Optional.<WorkTask>empty() : workflow.findOpenTask(taskId))
                .orElseThrow(() -> {
                    audit.recordIndependently(caller.getUsername(), AuditAction.TASK_REASSIGNED, null,
                            AuditOutcome.DENIED, "task-not-found");
                    return new CaseAccessDenied();
                });
        CaseFile caseFile = guard.open(caller, task.caseFileId(), AuditAction.TASK_REASSIGNED);
        TaskKind kind = TaskKind.of(task.definitionKey()).orElseThrow(() -> new InvalidInput("tasks.unknown"));
        UserAccount target = staff.byUsername(username).filter(UserAccount::isEnabled)
                .filter(u -> u.hasRole(kind.role()) && caseFile.belongsTo(u.getTeam()))
                .orElseThrow(() -> new InvalidInput("tasks.reassign.invalidUser"));
        if (kind.isForAssignedMentor()) {
            InvalidInput.whenRefused(() -> caseFile.assignMentor(target));
            workflow.setMentor(caseFile.getProcessInstanceId(), target.getUsername());
        } else {
            workflow.assign(task.id(), target.getUsername());
        }
        events.record(caseFile, caller.getUsername(), CaseEventKind.TASK_REASSIGNED,
                "task=" + kind.name() + " to=" + target.getUsername(), null, AuditAction.TASK_REASSIGNED,
                kind.name() + " to=" + target.getUsername());
        if (!target.getUsername().equals(caller.getUsername())) {
            events.notify(NotificationKind.TASK_ASSIGNED, caseFile, List.of(target),
                    "task=" + task.id() + ":" + target.getUsername());
        }
    }

    /** Active team members holding a role: candidates for a mentor assignment or a reassignment. */
    public List<StaffMember> teamMembers(Role role) {
        UserAccount caller = currentCaller.account();
        if (caller.getTeam() == null) {
            return List.of();
        }
        return staff.activeMembers(caller.getTeam(), role).stream()
                .map(u -> new StaffMember(u.getUsername(), u.getDisplayName())).toList();
    }


    public record StaffMember(String username, String displayName) implements Serializable {
    }
}
