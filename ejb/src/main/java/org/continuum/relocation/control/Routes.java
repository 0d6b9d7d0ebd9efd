package org.continuum.relocation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.continuum.relocation.entity.CountryFact;
import org.continuum.relocation.entity.CountryProfile;
import org.continuum.relocation.entity.Dependant;
import org.continuum.relocation.entity.Programme;
import org.continuum.relocation.entity.ProgrammeYear;
import org.continuum.relocation.entity.RouteApplication;
import org.continuum.relocation.entity.TravelDocument;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import org.continuum.casefile.control.CaseFiles;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.identity.entity.UserAccount;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Storage of relocation routes: country profiles, programmes and their yearly places, applications, documents. */
@ApplicationScoped
public class Routes {

    @PersistenceContext
    EntityManager em;

    public Optional<CountryProfile> profile(String country) {
        return country == null ? Optional.empty() : Optional.ofNullable(em.find(CountryProfile.class, country));
    }

    public List<CountryFact> facts(String country) {
        return em.createQuery("select f from CountryFact f where f.country = :c order by f.position", CountryFact.class)
                .setParameter("c", country).getResultList();
    }

    public List<Programme> programmes() {
        return em.createQuery("select p from Programme p where p.active = true order by p.name", Programme.class)
                .getResultList();
    }

    public Optional<Programme> programme(Long id) {
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(Programme.class, id));
    }

    @Inject
    ProgrammeYearRows yearRows;

    /**
     * The programme's places of that year, for reading: the stored row, or (before the year's first application) the
     * programme's allocation with nothing taken, not stored.
     */
    public ProgrammeYear year(Programme programme, int year) {
        ProgrammeYear found = em.find(ProgrammeYear.class, new ProgrammeYear.Key(programme.getId(), year));
        return found != null ? found : new ProgrammeYear(programme.getId(), year, programme.getOurPlacesPerYear());
    }

    /**
     * The programme's row of that year, created when first needed, locked until the transaction ends. Read with the
     * lock from the start: a row loaded first without it would be locked by a version check instead, which fails
     * when another transaction took places meanwhile.
     */
    public ProgrammeYear yearLocked(Programme programme, int year) {
        ProgrammeYear.Key key = new ProgrammeYear.Key(programme.getId(), year);
        ProgrammeYear found = em.find(ProgrammeYear.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (found == null) {
            try {
                yearRows.create(programme.getId(), year, programme.getOurPlacesPerYear());
            } catch (RuntimeException createdMeanwhile) {
                // Another transaction created it first: the row exists, which is all that is needed.
            }
            found = em.find(ProgrammeYear.class, key, LockModeType.PESSIMISTIC_WRITE);
        }
        if (found == null) {
            throw new IllegalStateException("programme year row missing after creation");
        }
        return found;
    }

    public void add(Object row) {
        em.persist(row);
        em.flush();
    }

    public List<RouteApplication> applicationsOf(long caseFileId) {
        return em.createQuery("select a from RouteApplication a where a.caseFileId = :c order by a.createdAt desc, a.id desc",
                RouteApplication.class).setParameter("c", caseFileId).getResultList();
    }

    public Optional<RouteApplication> application(long id) {
        return Optional.ofNullable(em.find(RouteApplication.class, id));
    }

    public Optional<RouteApplication> applicationLocked(long id) {
        return Optional.ofNullable(em.find(RouteApplication.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The case's application still on its way (at most one at a time), locked. */
    public Optional<RouteApplication> waitingLocked(long caseFileId) {
        return applicationsOf(caseFileId).stream().filter(a -> a.getState().waiting()).findFirst()
                .map(a -> em.find(RouteApplication.class, a.getId(), LockModeType.PESSIMISTIC_WRITE));
    }

    /** An application on its way, with its case's reference (plain columns; the programme stays sealed). */
    public record Waiting(RouteApplication application, long caseFileId, String caseReference) {
    }

    /**
     * Applications on their way of the case files the reader may open, longest unchanged first. One query per
     * waiting state, each walking the (state, changed, id) index in order (V43) and stopping at {@code max}: with
     * the four states in one IN list, H2 read every case file of the team and probed for its applications instead
     * (1-5 s a dashboard with 100,000 case files).
     */
    public List<Waiting> waiting(UserAccount reader, int max) {
        List<Waiting> found = new ArrayList<>();
        for (RouteApplication.State state : RouteApplication.State.values()) {
            if (state.waiting()) {
                found.addAll(inState(reader, state, max));
            }
        }
        return found.stream().sorted(Comparator.comparing((Waiting w) -> w.application().getChangedAt())
                .thenComparing(w -> w.application().getId())).limit(max).toList();
    }

    /**
     * Applications with a booked travel, of the case files the reader may open, longest unchanged first: the only
     * waiting state that holds a travel date ({@link RouteApplication#move}), so the dashboard's document warnings
     * read this state alone.
     */
    public List<Waiting> travelBooked(UserAccount reader, int max) {
        return inState(reader, RouteApplication.State.TRAVEL_BOOKED, max);
    }

    private List<Waiting> inState(UserAccount reader, RouteApplication.State state, int max) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Waiting> query = cb.createQuery(Waiting.class);
        Root<RouteApplication> a = query.from(RouteApplication.class);
        Root<CaseFile> c = query.from(CaseFile.class);
        query.select(cb.construct(Waiting.class, a, c.get("id"), c.get("reference")))
                .where(cb.equal(a.get("state"), state), cb.equal(c.get("id"), a.get("caseFileId")),
                        CaseFiles.visibleTo(cb, c, reader))
                .orderBy(cb.asc(a.get("state")), cb.asc(a.get("changedAt")), cb.asc(a.get("id")));
        return em.createQuery(query).setMaxResults(max).getResultList();
    }

    public List<Dependant> dependantsOf(long caseFileId) {
        return em.createQuery("select d from Dependant d where d.caseFileId = :c order by d.id", Dependant.class)
                .setParameter("c", caseFileId).getResultList();
    }

    public Optional<Dependant> dependant(long id) {
        return Optional.ofNullable(em.find(Dependant.class, id));
    }

    public List<TravelDocument> documentsOf(long caseFileId) {
        return em.createQuery("select d from TravelDocument d where d.caseFileId = :c order by d.id",
                TravelDocument.class).setParameter("c", caseFileId).getResultList();
    }

    /** The travel documents of several case files in one query, by case file (each list in the order of its ids). */
    public Map<Long, List<TravelDocument>> documentsOf(Collection<Long> caseFileIds) {
        if (caseFileIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select d from TravelDocument d where d.caseFileId in :c order by d.id",
                        TravelDocument.class).setParameter("c", caseFileIds).getResultStream()
                .collect(Collectors.groupingBy(TravelDocument::getCaseFileId, Collectors.toList()));
    }

    public Optional<TravelDocument> document(long id) {
        return Optional.ofNullable(em.find(TravelDocument.class, id));
    }

    /** A valid travel document of a case the reader may open, with the case's reference (plain columns only). */
    public record Ending(long documentId, long caseFileId, String caseReference, TravelDocument.Kind kind,
                         java.time.LocalDate validUntil) {
    }

    /** Valid documents ending on or before {@code until}, of the case files the reader may open, soonest first. */
    public List<Ending> ending(UserAccount reader, java.time.LocalDate until, int max) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Ending> query = cb.createQuery(Ending.class);
        Root<TravelDocument> d = query.from(TravelDocument.class);
        Root<CaseFile> c = query.from(CaseFile.class);
        query.select(cb.construct(Ending.class, d.get("id"), c.get("id"), c.get("reference"), d.get("kind"),
                        d.get("validUntil")))
                .where(cb.equal(c.get("id"), d.get("caseFileId")),
                        cb.equal(d.get("status"), TravelDocument.Status.VALID),
                        cb.lessThanOrEqualTo(d.<java.time.LocalDate>get("validUntil"), until),
                        CaseFiles.visibleTo(cb, c, reader))
                // The status is one value: naming it first lets H2 walk its (status, until, id) index in order (V43).
                .orderBy(cb.asc(d.get("status")), cb.asc(d.get("validUntil")), cb.asc(d.get("id")));
        return em.createQuery(query).setMaxResults(max).getResultList();
    }
}
