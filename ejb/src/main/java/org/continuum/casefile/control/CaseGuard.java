package org.continuum.casefile.control;

import org.continuum.platform.control.CaseAccessDenied;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.audit.entity.AuditOutcome;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.identity.entity.UserAccount;

/**
 * Loads a case file for a caller through the need-to-know policy. A refusal is audited in its own transaction
 * (with the reason code, never the case content) and surfaces as {@link CaseAccessDenied}.
 */
@ApplicationScoped
public class CaseGuard {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    public CaseFile open(UserAccount user, long caseFileId, AuditAction attemptedAction) {
        return open(user, caseFileId, attemptedAction, CaseAccessPolicy.Capability.NEED_TO_KNOW);
    }

    /** The same, for an action that needs a narrower capability than need to know (e.g. the assigned mentor). */
    public CaseFile open(UserAccount user, long caseFileId, AuditAction attemptedAction,
                         CaseAccessPolicy.Capability needed) {
        CaseFile caseFile = em.find(CaseFile.class, caseFileId);
        var refusal = CaseAccessPolicy.refusal(user, caseFile, needed);
        if (refusal.isPresent()) {
            audit.recordIndependently(user == null ? null : user.getUsername(), attemptedAction,
                    caseFile == null ? null : caseFileId, AuditOutcome.DENIED,
                    caseFile == null ? refusal.get() + " requested=" + caseFileId : refusal.get());
            throw new CaseAccessDenied();
        }
        return caseFile;
    }
}
