package org.continuum.retention.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.Serializable;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.audit.entity.AuditOutcome;
import org.continuum.casefile.control.CaseGuard;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.casefile.entity.Phase;
import org.continuum.identity.control.Caller;
import org.continuum.identity.control.StepUps;
import org.continuum.identity.entity.UserAccount;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.control.Roles;
import org.continuum.retention.control.Erasing;
import org.continuum.retention.control.Erasures;
import org.continuum.retention.control.Retention;
import org.continuum.retention.entity.CaseRetention;
import org.continuum.retention.entity.Erasure;
import org.continuum.retention.entity.RetentionRule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Forgetting on purpose. Coordinators put a legal hold on a case file and lift it (with a reason), extend a closed
 * case file's retention once (with a reason), and ask for a case file to be erased before its time; a second
 * coordinator, after a step-up, decides. The daily job applies the retention rules. Every move is audited; a hold
 * stops every erasure.
 */
@Stateless
@RolesAllowed(Roles.COORDINATOR)
public class RetentionService {

    /** The coordinators' list shows what goes within this many days. */
    public static final Duration AHEAD = Duration.ofDays(30);
    static final int MAX_ROWS = 500;
    /** The job erases at most this many case files and drafts in one pass; the next pass takes the rest. */
    static final int MAX_PER_PASS = 2000;
    private static final Logger LOG = Logger.getLogger(RetentionService.class.getName());

    @Inject
    Caller currentCaller;

    @Inject
    CaseGuard guard;

    @Inject
    Retention retention;

    @Inject
    Erasing erasing;

    @Inject
    Erasures erasures;

    @Inject
    StepUps stepUps;

    @Inject
    AuditTrail audit;

    /** A case file's retention on its page: hold, rule and due date, the request waiting, what the caller may do. */
    public Desk desk(long caseFileId) {
        UserAccount caller = currentCaller.account();
        CaseFile c = guard.open(caller, caseFileId, AuditAction.RETENTION_VIEWED);
        Optional<CaseRetention> kept = retention.of(caseFileId);
        var standing = retention.standing(c);
        Optional<Erasure> pending = retention.pendingFor(caseFileId);
        boolean onHold = kept.map(CaseRetention::onHold).orElse(false);
        return new Desk(caseFileId, c.getReference(), c.getPhase() == Phase.CLOSED, c.getErasedAt(), onHold,
                kept.map(CaseRetention::getHoldReason).orElse(null), kept.map(CaseRetention::getHoldSetBy).orElse(null),
                kept.map(CaseRetention::getHoldSetAt).orElse(null),
                standing.map(Retention.Standing::rule).orElse(null), standing.map(Retention.Standing::due).orElse(null),
                standing.map(Retention.Standing::extended).orElse(false),
                pending.map(e -> new Request(e.getId(), e.getRequestedBy(), e.getRequestedAt(), e.getReason(),
                        !e.getRequestedBy().equals(caller.getUsername()))).orElse(null),
                !stepUps.fresh(caller, Instant.now()));
    }

    public void setHold(long caseFileId, String reason) {
        UserAccount caller = currentCaller.account();
        guard.open(caller, caseFileId, AuditAction.LEGAL_HOLD_SET);
        CaseFile c = lockCase(caseFileId);
        if (c.isErased()) {
            throw new InvalidInput("retention.erased");
        }
        CaseRetention kept = retention.lockedFor(caseFileId);
        InvalidInput.whenRefused(() -> kept.hold(reason, caller.getUsername(), Instant.now()));
        audit.record(caller.getUsername(), AuditAction.LEGAL_HOLD_SET, caseFileId, null);
    }

    public void liftHold(long caseFileId, String reason) {
        UserAccount caller = currentCaller.account();
        guard.open(caller, caseFileId, AuditAction.LEGAL_HOLD_LIFTED);
        lockCase(caseFileId);
        CaseRetention kept = retention.lockedFor(caseFileId);
        InvalidInput.whenRefused(() -> kept.lift(reason));
        audit.record(caller.getUsername(), AuditAction.LEGAL_HOLD_LIFTED, caseFileId, null);
    }

    /** Moves a closed case file's due date once by its rule's extension. */
    public void extend(long caseFileId, String reason) {
        UserAccount caller = currentCaller.account();
        guard.open(caller, caseFileId, AuditAction.RETENTION_EXTENDED);
        CaseFile c = lockCase(caseFileId);
        Retention.Standing standing = retention.standing(c)
                .orElseThrow(() -> new InvalidInput("retention.notClosed"));
        RetentionRule rule = retention.rules().get(standing.rule());
        CaseRetention kept = retention.lockedFor(caseFileId);
        InvalidInput.whenRefused(() -> kept.extend(standing.due(), rule.extension(), reason, caller.getUsername(),
                Instant.now()));
        audit.record(caller.getUsername(), AuditAction.RETENTION_EXTENDED, caseFileId,
                "rule=" + rule.getCode() + " until=" + kept.getExtendedUntil());
    }

    /** Asks for a closed case file to be erased before its time; refused under a legal hold. */
    public long requestErasure(long caseFileId, String reason) {
        UserAccount caller = currentCaller.account();
        guard.open(caller, caseFileId, AuditAction.ERASURE_REQUESTED);
        CaseFile c = lockCase(caseFileId);
        refuseUnlessErasable(caller, c, AuditAction.ERASURE_REQUESTED);
        if (retention.pendingFor(caseFileId).isPresent()) {
            throw new InvalidInput("retention.erasure.pending");
        }
        Erasure request = InvalidInput.whenRefused(() -> Erasure.requested(caseFileId, c.getReference(), reason,
                caller.getUsername(), Instant.now()));
        retention.add(request);
        audit.record(caller.getUsername(), AuditAction.ERASURE_REQUESTED, caseFileId, "request=" + request.getId());
        return request.getId();
    }

    /**
     * A second coordinator erases or rejects, after a step-up; never the requester (refused and audited). The hold
     * and the case's state are checked again under the case's lock.
     */
    public void decideErasure(long erasureId, boolean erase) {
        UserAccount caller = currentCaller.account();
        Erasure request = retention.erasure(erasureId).filter(e -> e.getCaseFileId() != null)
                .orElseThrow(() -> new InvalidInput("retention.erasure.unknown"));
        long caseFileId = request.getCaseFileId();
        guard.open(caller, caseFileId, AuditAction.ERASURE_DECIDED);
        if (request.getRequestedBy().equals(caller.getUsername())) {
            audit.recordIndependently(caller.getUsername(), AuditAction.ERASURE_DECIDED, caseFileId,
                    AuditOutcome.DENIED, "four-eyes own-request request=" + erasureId);
            throw new InvalidInput("retention.erasure.ownRequest");
        }
        if (!stepUps.fresh(caller, Instant.now())) {
            throw new InvalidInput("retention.erasure.reauth.required");
        }
        CaseFile c = lockCase(caseFileId);
        if (erase) {
            refuseUnlessErasable(caller, c, AuditAction.ERASURE_DECIDED);
        }
        InvalidInput.whenRefused(() -> request.decide(erase, caller.getUsername(), Instant.now()));
        audit.record(caller.getUsername(), AuditAction.ERASURE_DECIDED, caseFileId,
                "request=" + erasureId + (erase ? " erase" : " reject"));
        if (erase) {
            int rows = erasing.eraseCase(caseFileId, c.getReference());
            audit.record(caller.getUsername(), AuditAction.CASE_ERASED, caseFileId,
                    "request=" + erasureId + " rows=" + rows);
        }
    }

    /** Closed case files going within {@link #AHEAD} (or already due), waiting requests, the rules. */
    public Overview overview() {
        UserAccount caller = currentCaller.account();
        Instant now = Instant.now();
        var rules = retention.rules();
        List<Upcoming> upcoming = retention.closed(caller, 20_000, now.plus(AHEAD)).stream()
                .filter(s -> s.due().isBefore(now.plus(AHEAD)))
                .limit(MAX_ROWS)
                .map(s -> new Upcoming(s.caseFileId(), s.reference(), s.rule(), s.due(), s.extended(), s.onHold(),
                        s.keptByGrace(now, rules.get(s.rule()))))
                .toList();
        List<Request> waiting = retention.waiting(caller).stream()
                .map(e -> new Request(e.getId(), e.getRequestedBy(), e.getRequestedAt(), null,
                        !e.getRequestedBy().equals(caller.getUsername())))
                .toList();
        List<Rule> ruleRows = rules.values().stream().map(r -> new Rule(r.getCode(), r.getKeepDays(),
                r.getExtensionDays(), r.getGraceDays(), r.getUpdatedBy(), r.getUpdatedAt())).toList();
        audit.record(caller.getUsername(), AuditAction.RETENTION_VIEWED, null, "upcoming=" + upcoming.size());
        return new Overview(upcoming, waiting, ruleRows);
    }

    /** The erasure register for auditors and coordinators: what went, when, by which rule or whose decision. */
    @RolesAllowed({Roles.COORDINATOR, Roles.AUDITOR})
    public List<Erased> report() {
        UserAccount caller = currentCaller.account();
        List<Erased> rows = retention.register(MAX_ROWS).stream()
                .map(e -> new Erased(e.getId(), e.getSubject(), e.getSubjectRef(), e.getRule(), e.getState(),
                        e.getRequestedBy(), e.getRequestedAt(), e.getDecidedBy(), e.getDecidedAt()))
                .toList();
        audit.record(caller.getUsername(), AuditAction.RETENTION_VIEWED, null, "report=" + rows.size());
        return rows;
    }

    /**
     * The daily job's pass at {@code now}: drafts never registered and closed case files past their time, unless
     * held or touched within the grace period. Each erasure commits on its own; one that fails is rolled back,
     * audited as a failure and counted, and the pass goes on with the next (the failed one is tried again next pass).
     */
    @RolesAllowed(Roles.SYSTEM)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Applied applyRules(Instant now) {
        int drafts = 0;
        int failed = 0;
        for (long draft : retention.draftsDue(now, MAX_PER_PASS)) {
            if (erasedOrFailed(null, "draft=" + draft, () -> {
                erasures.draftByRule(draft, now);
                return true;
            })) {
                drafts++;
            } else {
                failed++;
            }
        }
        var rules = retention.rules();
        int cases = 0;
        int held = 0;
        int grace = 0;
        for (Retention.Standing s : retention.closed(null, Integer.MAX_VALUE)) {
            if (s.due().isAfter(now)) {
                continue;
            }
            if (s.onHold()) {
                held++;
            } else if (s.keptByGrace(now, rules.get(s.rule()))) {
                grace++;
            } else if (cases + failed < MAX_PER_PASS) {
                Boolean erased = erasedOrFailed(s.caseFileId(), "rule=" + s.rule(),
                        () -> erasures.caseByRule(s.caseFileId(), now));
                if (erased == null) {
                    failed++;
                } else if (erased) {
                    cases++;
                }
            }
        }
        return new Applied(cases, drafts, held, grace, failed);
    }

    /**
     * Runs one erasure of the pass in its own transaction; null when it failed, after the failure is audited (its
     * kind only: an exception's message may quote data) and logged with the case file's id, never its content.
     */
    private Boolean erasedOrFailed(Long caseFileId, String what, java.util.function.Supplier<Boolean> erasure) {
        try {
            return erasure.get();
        } catch (RuntimeException e) {
            String kind = rootKind(e);
            LOG.warning(() -> "Retention pass: the erasure of " + (caseFileId == null ? what : "case file "
                    + caseFileId) + " failed (" + kind + "); it is tried again at the next pass");
            audit.recordIndependently(Roles.SYSTEM_ACTOR, caseFileId == null ? AuditAction.DRAFT_ERASED
                    : AuditAction.CASE_ERASED, caseFileId, AuditOutcome.FAILURE, what + " failed=" + kind);
            return null;
        }
    }

    private static String rootKind(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    private CaseFile lockCase(long caseFileId) {
        return retention.lockedCase(caseFileId);
    }

    private void refuseUnlessErasable(UserAccount caller, CaseFile c, AuditAction action) {
        if (c.isErased()) {
            throw new InvalidInput("retention.erased");
        }
        if (c.getPhase() != Phase.CLOSED) {
            throw new InvalidInput("retention.notClosed");
        }
        if (retention.of(c.getId()).map(CaseRetention::onHold).orElse(false)) {
            audit.recordIndependently(caller.getUsername(), action, c.getId(), AuditOutcome.DENIED, "legal-hold");
            throw new InvalidInput("retention.hold.blocks");
        }
    }

    public record Request(long id, String requestedBy, Instant requestedAt, String reason, boolean decidable) implements Serializable {
    }

    public record Desk(long caseFileId, String reference, boolean closed, Instant erasedAt, boolean onHold,
                       String holdReason, String holdSetBy, Instant holdSetAt, RetentionRule.Code rule, Instant due,
                       boolean extended, Request pending, boolean stepUpNeeded) implements Serializable {
    }

    public record Upcoming(long caseFileId, String reference, RetentionRule.Code rule, Instant due, boolean extended,
                           boolean onHold, boolean keptByGrace) implements Serializable {
    }

    public record Rule(RetentionRule.Code code, int keepDays, int extensionDays, int graceDays, String updatedBy,
                       Instant updatedAt) implements Serializable {
    }

    public record Erased(long id, Erasure.Subject subject, String reference, RetentionRule.Code rule,
                         Erasure.State state, String requestedBy, Instant requestedAt, String decidedBy,
                         Instant decidedAt) implements Serializable {
    }

    public record Overview(List<Upcoming> upcoming, List<Request> waiting, List<Rule> rules) implements Serializable {
    }

    public record Applied(int casesErased, int draftsErased, int keptByHold, int keptByGrace, int failed) {
    }
}
