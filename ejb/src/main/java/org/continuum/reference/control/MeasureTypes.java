package org.continuum.reference.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.continuum.reference.entity.MeasureType;

import java.util.List;

/** The catalogue of protective measures along the continuum, as a collection. */
@ApplicationScoped
public class MeasureTypes {

    @PersistenceContext
    EntityManager em;

    /** Every measure type, by continuum step and position within it. */
    public List<MeasureType> all() {
        return em.createQuery("select t from MeasureType t order by t.continuumStep, t.position", MeasureType.class)
                .getResultList();
    }
}
