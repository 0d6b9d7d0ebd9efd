package org.continuum.relocation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.continuum.relocation.entity.ProgrammeYear;

/**
 * Creates a programme's row for a year in a transaction of its own, so that two people submitting the first
 * application of a year at once do not fail: the second insert fails on the key, which is fine, and both then lock
 * the one row that exists.
 */
@ApplicationScoped
public class ProgrammeYearRows {

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void create(long programmeId, int year, Integer allocated) {
        if (em.find(ProgrammeYear.class, new ProgrammeYear.Key(programmeId, year)) == null) {
            em.persist(new ProgrammeYear(programmeId, year, allocated));
        }
    }
}
