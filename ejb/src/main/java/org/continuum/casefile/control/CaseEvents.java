package org.continuum.casefile.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.continuum.identity.control.Staff;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.identity.entity.Role;
import org.continuum.identity.entity.UserAccount;
import org.continuum.notification.control.Notifier;
import org.continuum.notification.entity.NotificationKind;
import org.continuum.platform.control.Roles;

import java.util.Collection;
import java.util.List;

/**
 * Something that happened on a case file, told to the places that must know in the caller's transaction: the case's
 * timeline (what the team reads), the audit trail (who did what, never the content) and, when someone must act, the
 * outbox. Boundaries and the process callbacks all go through here, so the three records of one event are written
 * the same way everywhere and commit or roll back with the change that caused them.
 */
@ApplicationScoped
public class CaseEvents {

    @Inject
    Timeline timeline;

    @Inject
    AuditTrail audit;

    @Inject
    Notifier notifier;

    @Inject
    Staff staff;

    /** Timeline entry and audit row of one event done by {@code actor}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(CaseFile caseFile, String actor, CaseEventKind kind, String summary, String note,
                       AuditAction action, String auditDetail) {
        timeline.record(caseFile, actor, kind, summary, note);
        audit.record(actor, action, caseFile.getId(), auditDetail);
    }

    /** The same, done by the application on its own (a timer fired, a process checked a rule). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordBySystem(CaseFile caseFile, CaseEventKind kind, String summary, AuditAction action,
                               String auditDetail) {
        record(caseFile, Roles.SYSTEM_ACTOR, kind, summary, null, action, auditDetail);
    }

    /** Tells the active members of the case's team with {@code role}, except {@code except} (may be null). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int notifyTeam(NotificationKind kind, CaseFile caseFile, Role role, String except, String cause) {
        List<UserAccount> members = staff.activeMembers(caseFile.getTeam(), role).stream()
                .filter(u -> !u.getUsername().equals(except)).toList();
        return notify(kind, caseFile, members, cause);
    }

    /** Tells the named people (unknown names are skipped). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int notifyUsers(NotificationKind kind, CaseFile caseFile, Collection<String> usernames, String cause) {
        return notify(kind, caseFile, staff.byUsernames(usernames), cause);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int notify(NotificationKind kind, CaseFile caseFile, Collection<UserAccount> recipients, String cause) {
        return notifier.notify(kind, caseFile.getId(), caseFile.getReference(), recipients, cause);
    }
}
