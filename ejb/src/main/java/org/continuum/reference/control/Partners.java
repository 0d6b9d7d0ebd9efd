package org.continuum.reference.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.continuum.casefile.control.InvalidInput;
import org.continuum.reference.entity.Partner;

/** Looks up a partner chosen in a form; an unknown id is refused as input, never trusted. */
@ApplicationScoped
public class Partners {

    @PersistenceContext
    EntityManager em;

    /** The partner, or null when none was chosen. */
    public Partner chosen(Long id) {
        if (id == null) {
            return null;
        }
        Partner partner = em.find(Partner.class, id);
        if (partner == null) {
            throw new InvalidInput("partner.unknown");
        }
        return partner;
    }
}
