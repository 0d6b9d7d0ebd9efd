package org.continuum.audit.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.audit.entity.AuditOutcome;

import java.security.Principal;

/**
 * Refusals the container decides before any boundary code runs: a caller whose roles do not allow a boundary method
 * ({@code EJBAccessException}). The web tier reports each such refusal here once, with the page it came from, so
 * that these refusals are in the audit trail like those the need-to-know check records itself. Open to every caller,
 * since the point is to record callers who were refused.
 */
@Stateless
@PermitAll
public class AccessRefusals {

    @Inject
    Principal principal;

    @Inject
    AuditTrail audit;

    /** {@code where} is the page or action that was refused (a view id such as {@code /app/accounts.xhtml}). */
    public void refusedByRole(String where) {
        String cleaned = where == null ? "-" : where.replaceAll("[^A-Za-z0-9._/-]", "");
        String place = cleaned.substring(0, Math.min(120, cleaned.length()));
        String actor = principal == null || principal.getName() == null ? "anonymous" : principal.getName();
        audit.recordIndependently(actor, AuditAction.ACCESS_REFUSED_BY_ROLE, null, AuditOutcome.DENIED,
                "page=" + place);
    }
}
