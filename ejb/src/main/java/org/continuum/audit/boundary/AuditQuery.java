package org.continuum.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.continuum.audit.entity.AuditEvent;
import org.continuum.platform.control.Roles;

import java.util.List;

/** Read access to the audit trail for auditors and administrators (it holds no sensitive values). */
@Stateless
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class AuditQuery {

    @PersistenceContext
    EntityManager em;

    public List<AuditEvent> latest(int max) {
        return em.createQuery("select a from AuditEvent a order by a.id desc", AuditEvent.class)
                .setMaxResults(Math.min(Math.max(max, 1), 500))
                .getResultList();
    }
}
