package org.continuum.casefile.control;

import org.continuum.platform.control.CaseAccessDenied;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.audit.entity.AuditOutcome;
import org.continuum.casefile.entity.BreakGlass;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.identity.entity.UserAccount;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Loads a case file for a caller through the need-to-know policy. A refusal is audited in its own transaction
 * (with the reason code, never the case content) and surfaces as {@link CaseAccessDenied}. A caller outside the need to
 * know who broke the glass on this case file gets through while it runs: to read, or to act once a second
 * coordinator confirmed; each such opening is audited with the break-glass it used, for the auditors' report. A
 * break-glass never opens what only the assigned mentor may write.
 */
@ApplicationScoped
public class CaseGuard {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    BreakGlasses breakGlasses;

    /** The actions that only read a case file: a break-glass that was not confirmed for acting allows these. */
    private static final Set<AuditAction> READS = EnumSet.of(AuditAction.CASE_VIEWED, AuditAction.GRANT_VIEWED,
            AuditAction.SAFETY_PLAN_VIEWED, AuditAction.REFERRAL_DESK_VIEWED, AuditAction.SAFE_PLACES_VIEWED,
            AuditAction.LEGAL_NAME_REVEALED, AuditAction.DOSSIER_GENERATED);

    public CaseFile open(UserAccount user, long caseFileId, AuditAction attemptedAction) {
        return open(user, caseFileId, attemptedAction, CaseAccessPolicy.Capability.NEED_TO_KNOW);
    }

    /** The same, for an action that needs a narrower capability than need to know (e.g. the assigned mentor). */
    public CaseFile open(UserAccount user, long caseFileId, AuditAction attemptedAction,
                         CaseAccessPolicy.Capability needed) {
        CaseFile caseFile = em.find(CaseFile.class, caseFileId);
        var refusal = CaseAccessPolicy.refusal(user, caseFile, needed);
        if (refusal.isEmpty()) {
            return caseFile;
        }
        String detail = caseFile == null ? refusal.get() + " requested=" + caseFileId : refusal.get();
        if (caseFile != null && user != null && user.isEnabled() && needed == CaseAccessPolicy.Capability.NEED_TO_KNOW) {
            Instant now = Instant.now();
            Optional<BreakGlass> glass = breakGlasses.active(user.getUsername(), caseFileId, now);
            if (glass.isPresent() && (READS.contains(attemptedAction) || glass.get().allowsWriting(now))) {
                audit.record(user.getUsername(), AuditAction.BREAK_GLASS_USED, caseFileId,
                        "action=" + attemptedAction.name());
                return caseFile;
            }
            if (glass.isPresent()) {
                detail += " break-glass read-only";
            }
        }
        audit.recordIndependently(user == null ? null : user.getUsername(), attemptedAction,
                caseFile == null ? null : caseFileId, AuditOutcome.DENIED, detail);
        throw new CaseAccessDenied();
    }
}
