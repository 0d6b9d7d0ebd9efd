package org.continuum.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditEvent;
import org.continuum.platform.control.Roles;

import java.util.List;

/** Read access to the audit trail for auditors and administrators (it holds no sensitive values). */
@Stateless
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class AuditQuery {

    @Inject
    AuditTrail trail;

    public List<AuditEvent> latest(int max) {
        return trail.latest(max);
    }
}
