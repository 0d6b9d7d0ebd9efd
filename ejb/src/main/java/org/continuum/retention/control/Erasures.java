package org.continuum.retention.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.platform.control.Roles;
import org.continuum.retention.entity.Erasure;
import org.continuum.retention.entity.RetentionRule;

import java.time.Instant;

/**
 * The retention job's erasures, each in a transaction of its own so one failure stops nothing else: the case file
 * is locked and its hold and due date read again under the lock (a coordinator may have set a hold since the list
 * was made), then erased, registered and audited.
 */
@ApplicationScoped
public class Erasures {

    @Inject
    Erasing erasing;

    @Inject
    Retention retention;

    @Inject
    AuditTrail audit;

    /** Erases the case file if it is still due and free at {@code now}; whether it did. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean caseByRule(long caseFileId, Instant now) {
        CaseFile c = retention.lockedCase(caseFileId);
        if (c == null) {
            return false;
        }
        var standing = retention.standing(c);
        if (standing.isEmpty()) {
            return false;
        }
        RetentionRule rule = retention.rules().get(standing.get().rule());
        if (!standing.get().erasableAt(now, rule)) {
            return false;
        }
        String reference = c.getReference();
        retention.add(Erasure.byRule(Erasure.Subject.CASE_FILE, reference, caseFileId, rule.getCode(), now));
        int rows = erasing.eraseCase(caseFileId, reference);
        audit.record(Roles.SYSTEM_ACTOR, AuditAction.CASE_ERASED, caseFileId,
                "rule=" + rule.getCode() + " rows=" + rows);
        return true;
    }

    /** Deletes a draft that is still unregistered. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void draftByRule(long mailIntakeId, Instant now) {
        retention.add(Erasure.byRule(Erasure.Subject.MAIL_DRAFT, "draft " + mailIntakeId, null,
                RetentionRule.Code.DRAFT_NOT_REGISTERED, now));
        erasing.eraseDraft(mailIntakeId);
        audit.record(Roles.SYSTEM_ACTOR, AuditAction.DRAFT_ERASED, null,
                "rule=" + RetentionRule.Code.DRAFT_NOT_REGISTERED + " draft=" + mailIntakeId);
    }
}
