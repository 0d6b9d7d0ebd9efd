package org.continuum.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.audit.control.AuditChain;
import org.continuum.audit.control.AuditChainVerifier;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.audit.entity.AuditEvent;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.control.Roles;

import java.security.Principal;
import java.util.List;

/** Read access to the audit trail for auditors and administrators (it holds no sensitive values), and its chain check. */
@Stateless
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class AuditQuery {

    @Inject
    AuditTrail trail;

    @Inject
    AuditChain chain;

    @Inject
    Principal principal;

    public List<AuditEvent> latest(int max) {
        return trail.latest(max);
    }

    /**
     * Walks the audit chain and names the first broken row, if any; {@code exportedHead} ({@code seq:hash}, may be
     * blank) is a head exported earlier, to catch a truncated tail. The check itself is audited.
     */
    public AuditChainVerifier.Result verifyChain(String exportedHead) {
        AuditChainVerifier.Head head;
        try {
            head = exportedHead == null || exportedHead.isBlank() ? null : AuditChainVerifier.Head.parse(exportedHead);
        } catch (RuntimeException e) {
            throw new InvalidInput("audit.chain.head.invalid");
        }
        AuditChainVerifier.Result result = chain.verify(head);
        trail.record(principal.getName(), AuditAction.REPORT_VIEWED, null, "report=audit-chain rows="
                + result.rowsChecked() + " intact=" + result.intact()
                + (result.intact() ? "" : " problem=" + result.problem()));
        return result;
    }
}
