package org.continuum.reference.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.continuum.platform.control.InvalidInput;
import org.continuum.reference.entity.Partner;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * All partner organisations, as a collection: the one home of their queries. A partner chosen in a form is looked
 * up here; an unknown id is refused as input, never trusted.
 */
@ApplicationScoped
public class Partners {

    /** How a link to a partner no longer on file shows. */
    private static final String UNKNOWN = "?";

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

    /** The name of a partner a sealed link points to; a link to a partner no longer on file shows as "?". */
    public String nameOf(Long id) {
        Partner partner = id == null ? null : em.find(Partner.class, id);
        return partner == null ? UNKNOWN : partner.getName();
    }

    /** The names of the partners sealed links point to, in one query; a partner no longer on file shows as "?". */
    public Map<Long, String> namesOf(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        List<Long> known = ids.stream().filter(Objects::nonNull).distinct().toList();
        if (!known.isEmpty()) {
            em.createQuery("select p.id, p.name from Partner p where p.id in :ids", Object[].class)
                    .setParameter("ids", known).getResultList()
                    .forEach(row -> names.put((Long) row[0], (String) row[1]));
        }
        ids.forEach(id -> names.putIfAbsent(id, UNKNOWN));
        return names;
    }

    /** The code of a partner a sealed link points to, for timeline summaries (themselves sealed). */
    public String codeOf(Long id) {
        Partner partner = id == null ? null : em.find(Partner.class, id);
        return partner == null ? "-" : partner.getCode();
    }

    /** Active partners, by name. */
    public List<Partner> active() {
        return em.createQuery("select p from Partner p where p.active = true order by p.name", Partner.class)
                .getResultList();
    }

    /** Every partner, active or not, by name. */
    public List<Partner> all() {
        return em.createQuery("select p from Partner p order by p.name", Partner.class).getResultList();
    }

    public void add(Partner partner) {
        em.persist(partner);
    }

    public Optional<Partner> byCode(String code) {
        return em.createQuery("select p from Partner p where p.code = :c", Partner.class)
                .setParameter("c", code).getResultStream().findFirst();
    }
}
