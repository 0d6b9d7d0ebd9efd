package org.continuum.safeplace.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.continuum.safeplace.entity.SafePlace;
import org.continuum.safeplace.entity.Vetting;

import java.util.List;
import java.util.Optional;

/** The safe-place registry as a collection: the one home of its queries. */
@ApplicationScoped
public class SafePlaces {

    @PersistenceContext
    EntityManager em;

    public Optional<SafePlace> find(long placeId) {
        return Optional.ofNullable(em.find(SafePlace.class, placeId));
    }

    public void add(SafePlace place) {
        em.persist(place);
        em.flush();
    }

    /** Every place, active or not, by country, area and name. */
    public List<SafePlace> all() {
        return em.createQuery("select s from SafePlace s order by s.country, s.areaKey, s.name", SafePlace.class)
                .getResultList();
    }

    /**
     * Vetted, active places in {@code country} whose normalised area contains {@code areaKey} (LIKE with the
     * wildcards of the key escaped, so a typed {@code %} matches only itself), at most {@code max}.
     */
    public List<SafePlace> offeredIn(String country, String areaKey, int max) {
        String pattern = "%" + areaKey.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return em.createQuery("select s from SafePlace s where s.country = :country and s.active = true"
                        + " and s.vetting = :vetted and s.areaKey like :area escape '\\'"
                        + " order by s.areaKey, s.name", SafePlace.class)
                .setParameter("country", country).setParameter("vetted", Vetting.VETTED)
                .setParameter("area", pattern).setMaxResults(max).getResultList();
    }
}
