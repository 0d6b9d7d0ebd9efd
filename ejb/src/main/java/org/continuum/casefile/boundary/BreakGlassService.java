package org.continuum.casefile.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.audit.entity.AuditOutcome;
import org.continuum.casefile.control.BreakGlasses;
import org.continuum.casefile.control.CaseAccessPolicy;
import org.continuum.casefile.control.CaseEvents;
import org.continuum.casefile.control.CaseFiles;
import org.continuum.casefile.control.CaseGuard;
import org.continuum.casefile.entity.BreakGlass;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.identity.control.Caller;
import org.continuum.identity.control.StepUps;
import org.continuum.identity.entity.Role;
import org.continuum.identity.entity.UserAccount;
import org.continuum.notification.entity.NotificationKind;
import org.continuum.platform.control.CaseAccessDenied;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.control.Roles;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Break-glass: opening a case file outside one's need to know in an emergency. A coordinator may do it for any case
 * file; a security mentor for a case file whose assigned mentor is of their own team (the colleague cannot be reached).
 * It needs a step-up in this session and a written reason, lasts {@link BreakGlasses#duration()}, and reads only,
 * unless the person says they must act and another coordinator of the case's team confirms. The case's other
 * coordinators are told at once, the timeline shows it, and every opening under it is audited (see {@link CaseGuard}).
 */
@Stateless
@RolesAllowed({Roles.COORDINATOR, Roles.SECURITY_MENTOR})
public class BreakGlassService {

    @Inject
    Caller currentCaller;

    @Inject
    StepUps stepUps;

    @Inject
    CaseFiles caseFiles;

    @Inject
    BreakGlasses breakGlasses;

    @Inject
    CaseGuard guard;

    @Inject
    CaseEvents events;

    @Inject
    AuditTrail audit;

    /** Whether the caller must type their password and a code before breaking the glass. */
    public boolean stepUpNeeded() {
        return !stepUps.fresh(currentCaller.account(), Instant.now());
    }

    /**
     * Opens the case file with this reference for the caller; returns its id. {@code wantsToAct} asks for more than
     * reading, which a second coordinator of the case's team must confirm.
     */
    public long open(String reference, String reason, boolean wantsToAct) {
        UserAccount caller = currentCaller.account();
        String why = reason == null ? "" : reason.strip();
        if (why.length() < BreakGlass.REASON_MIN) {
            throw new InvalidInput("breakglass.reason.short");
        }
        if (why.length() > BreakGlass.REASON_MAX) {
            throw new InvalidInput("breakglass.reason.long");
        }
        Instant now = Instant.now();
        if (!stepUps.fresh(caller, now)) {
            throw new InvalidInput("breakglass.reauth.required");
        }
        String ref = reference == null ? "" : reference.strip().toUpperCase(Locale.ROOT);
        Optional<CaseFile> found = ref.isEmpty() ? Optional.empty() : caseFiles.byReference(ref);
        if (found.isEmpty()) {
            audit.recordIndependently(caller.getUsername(), AuditAction.BREAK_GLASS_OPENED, null,
                    AuditOutcome.DENIED, "not-found");
            throw new InvalidInput("breakglass.unknown");
        }
        CaseFile caseFile = found.get();
        if (CaseAccessPolicy.refusal(caller, caseFile).isEmpty()) {
            throw new InvalidInput("breakglass.notNeeded");
        }
        if (!mayBreakGlass(caller, caseFile)) {
            audit.recordIndependently(caller.getUsername(), AuditAction.BREAK_GLASS_OPENED, caseFile.getId(),
                    AuditOutcome.DENIED, "not-eligible");
            throw new CaseAccessDenied();
        }
        Duration lasting = BreakGlasses.duration();
        BreakGlass glass = new BreakGlass(caseFile.getId(), caller.getUsername(), why, wantsToAct, now, lasting);
        breakGlasses.add(glass);
        String terms = "minutes=" + lasting.toMinutes() + " act=" + (wantsToAct ? "asked" : "no");
        events.record(caseFile, caller.getUsername(), CaseEventKind.BREAK_GLASS_OPENED, terms, why,
                AuditAction.BREAK_GLASS_OPENED, terms);
        events.notifyTeam(NotificationKind.BREAK_GLASS, caseFile, Role.COORDINATOR, caller.getUsername(),
                "break-glass=" + glass.getId() + " case=" + caseFile.getId());
        return caseFile.getId();
    }

    /** Another coordinator of the case's team lets the person act on the case file, not only read it. */
    @RolesAllowed(Roles.COORDINATOR)
    public void confirm(long breakGlassId) {
        UserAccount caller = currentCaller.account();
        BreakGlass glass = breakGlasses.lock(breakGlassId).orElseThrow(() -> new InvalidInput("breakglass.unknown"));
        CaseFile caseFile = guard.open(caller, glass.getCaseFileId(), AuditAction.BREAK_GLASS_CONFIRMED);
        if (!caller.hasRole(Role.COORDINATOR) || !caseFile.belongsTo(caller.getTeam())) {
            audit.recordIndependently(caller.getUsername(), AuditAction.BREAK_GLASS_CONFIRMED, caseFile.getId(),
                    AuditOutcome.DENIED, "not-team-coordinator");
            throw new CaseAccessDenied();
        }
        Instant now = Instant.now();
        if (glass.getUsername().equals(caller.getUsername())) {
            audit.recordIndependently(caller.getUsername(), AuditAction.BREAK_GLASS_CONFIRMED, caseFile.getId(),
                    AuditOutcome.DENIED, "four-eyes own-request");
            throw new CaseAccessDenied();
        }
        if (!glass.awaitsConfirmation(now)) {
            throw new InvalidInput("breakglass.notAwaiting");
        }
        glass.confirm(caller.getUsername(), now);
        events.record(caseFile, caller.getUsername(), CaseEventKind.BREAK_GLASS_CONFIRMED, "for=" + glass.getUsername(),
                null, AuditAction.BREAK_GLASS_CONFIRMED, "for=" + glass.getUsername());
    }

    /** The caller's break-glasses that still run. */
    public List<Access> mine() {
        Instant now = Instant.now();
        return breakGlasses.activeOf(currentCaller.username(), now).stream().map(g -> access(g, now)).toList();
    }

    /** Requests to act on case files of the caller's team that wait for a coordinator's confirmation. */
    public List<Access> awaitingMyConfirmation() {
        UserAccount caller = currentCaller.account();
        if (!caller.hasRole(Role.COORDINATOR) || caller.getTeam() == null) {
            return List.of();
        }
        Instant now = Instant.now();
        return breakGlasses.awaitingConfirmation(caller.getTeam(), caller.getUsername(), now).stream()
                .map(g -> access(g, now)).toList();
    }

    private Access access(BreakGlass g, Instant now) {
        CaseFile c = caseFiles.get(g.getCaseFileId());
        return new Access(g.getId(), c.getId(), c.getReference(), c.getPseudonym(), g.getUsername(), g.getReason(),
                g.getOpenedAt(), g.getExpiresAt(), g.isWantsWrite(), g.allowsWriting(now));
    }

    /** A coordinator may break the glass on any case file; a mentor on one whose assigned mentor is of their team. */
    static boolean mayBreakGlass(UserAccount caller, CaseFile caseFile) {
        if (caller.hasRole(Role.COORDINATOR)) {
            return true;
        }
        UserAccount mentor = caseFile.getAssignedMentor();
        return caller.hasRole(Role.SECURITY_MENTOR) && mentor != null && caller.getTeam() != null
                && caller.getTeam().equals(mentor.getTeam());
    }

    /** One break-glass as its holder or a confirming coordinator sees it. */
    public record Access(long id, long caseFileId, String reference, String pseudonym, String username,
                         String reason, Instant openedAt, Instant expiresAt, boolean wantsToAct, boolean mayAct) {
    }
}
