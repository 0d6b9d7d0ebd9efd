package org.continuum.casefile.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.continuum.casefile.entity.BreakGlass;
import org.continuum.identity.entity.Team;
import org.continuum.platform.control.Settings;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** All break-glass accesses, as a collection: the one home of their queries. */
@ApplicationScoped
public class BreakGlasses {

    /** How long a break-glass lasts (ISO-8601 duration, default one hour). */
    public static final String DURATION_PROPERTY = "continuum.breakglass.duration";
    private static final Duration DEFAULT_DURATION = Duration.ofMinutes(60);

    @PersistenceContext
    EntityManager em;

    public void add(BreakGlass glass) {
        em.persist(glass);
        em.flush();
    }

    public Optional<BreakGlass> lock(long id) {
        return Optional.ofNullable(em.find(BreakGlass.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The person's break-glass on this case file that is still running, the latest first. */
    public Optional<BreakGlass> active(String username, long caseFileId, Instant now) {
        return em.createQuery("select g from BreakGlass g where g.username = :u and g.caseFileId = :c"
                        + " and g.openedAt <= :now and g.expiresAt > :now order by g.id desc", BreakGlass.class)
                .setParameter("u", username).setParameter("c", caseFileId).setParameter("now", now)
                .setMaxResults(1).getResultStream().findFirst();
    }

    /** The person's running break-glasses, the latest first. */
    public List<BreakGlass> activeOf(String username, Instant now) {
        return em.createQuery("select g from BreakGlass g where g.username = :u and g.expiresAt > :now"
                        + " order by g.id desc", BreakGlass.class)
                .setParameter("u", username).setParameter("now", now).getResultList();
    }

    /** Running requests to act on case files of this team, by someone else than {@code except}, not yet confirmed. */
    public List<BreakGlass> awaitingConfirmation(Team team, String except, Instant now) {
        return em.createQuery("select g from BreakGlass g, CaseFile c where c.id = g.caseFileId and c.team = :t"
                        + " and g.wantsWrite = true and g.confirmedBy is null and g.expiresAt > :now"
                        + " and g.username <> :u order by g.id", BreakGlass.class)
                .setParameter("t", team).setParameter("now", now).setParameter("u", except).getResultList();
    }

    /** Break-glasses opened in [{@code from}, {@code to}), the latest first, at most {@code max}. */
    public List<BreakGlass> openedBetween(Instant from, Instant to, int max) {
        return em.createQuery("select g from BreakGlass g where g.openedAt >= :f and g.openedAt < :t"
                        + " order by g.openedAt desc, g.id desc", BreakGlass.class)
                .setParameter("f", from).setParameter("t", to).setMaxResults(max).getResultList();
    }

    /** How long a new break-glass lasts. */
    public static Duration duration() {
        return Settings.duration(DURATION_PROPERTY, DEFAULT_DURATION);
    }
}
