package org.continuum.casefile.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.casefile.entity.Phase;
import org.continuum.casefile.entity.RiskLevel;
import org.continuum.identity.entity.Role;
import org.continuum.identity.entity.Team;
import org.continuum.identity.entity.UserAccount;
import org.continuum.security.control.FieldCipher;
import org.hibernate.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * All case files, as a collection: the one home of their queries. Every list query is restricted to what the
 * reader may see in the query itself ({@link #visibleTo}: the team for caseworkers and coordinators, the assignment
 * for mentors), so no page ever holds a row its reader may not see. Opening one case file for a person goes through
 * {@link CaseGuard}; {@link #find} is for code acting on the application's own behalf.
 */
@ApplicationScoped
public class CaseFiles {

    @PersistenceContext
    EntityManager em;

    @Inject
    FieldCipher cipher;

    @Inject
    CaseFileChanges changes;

    /**
     * Counts of whole scopes (the list's total, the dashboard's bars), kept until a case file changes on this server
     * and at most {@link #KEPT_FOR} (a change made on another server of a cluster). Counting a team of 50,000 case
     * files walks 50,000 index entries (3-12 ms on H2), for every dashboard and every page of the list (P2).
     */
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    static final Duration KEPT_FOR = Duration.ofSeconds(60);
    private static final int KEPT_MAX = 10_000;

    private record Kept(long version, long keptAt, Object value) {
    }

    /**
     * The value kept for {@code key} if no case file changed since, else {@code count}'s, then kept. A transaction that
     * wrote a case file itself counts from the database, and keeps nothing.
     */
    @SuppressWarnings("unchecked")
    private <T> T keptOr(String key, Supplier<T> count) {
        if (changes == null || changes.writtenInThisTransaction()
                || em.unwrap(Session.class).isDirty()) {
            return count.get();
        }
        long version = changes.version();
        long now = System.nanoTime();
        Kept k = kept.get(key);
        if (k != null && k.version() == version && now - k.keptAt() < KEPT_FOR.toNanos()) {
            return (T) k.value();
        }
        T value = count.get();
        if (kept.size() >= KEPT_MAX) {
            kept.clear();
        }
        kept.put(key, new Kept(version, now, value));
        return value;
    }

    /** The scope as a key: which rows it holds for this reader. */
    private static String scopeKey(Scope scope, UserAccount reader) {
        return scope == Scope.TEAM ? "team:" + reader.getTeam().getId()
                : "mentor:" + reader.getId() + (Scope.readsTeam(reader) ? ":not-team:" + reader.getTeam().getId() : "");
    }

    public Optional<CaseFile> find(long caseFileId) {
        return Optional.ofNullable(em.find(CaseFile.class, caseFileId));
    }

    /** A case file that must exist (an id the application stored itself). */
    public CaseFile get(long caseFileId) {
        return find(caseFileId).orElseThrow(() -> new IllegalStateException("case file missing: " + caseFileId));
    }

    /** Other case files of the same team for the same person (same legal-name blind index), newest first. */
    public List<CaseFile> samePerson(CaseFile c, int max) {
        if (c.getLegalName() == null || c.getErasedAt() != null) {
            return List.of();
        }
        // The name's index under every index key: during an index rotation some case files still hold the old one.
        return em.createQuery("select o from CaseFile o where o.team = :team and o.legalNameIndex in :indexes"
                        + " and o.id <> :id order by o.createdAt desc", CaseFile.class)
                .setParameter("team", c.getTeam()).setParameter("indexes", cipher.blindIndexes(c.getLegalName()))
                .setParameter("id", c.getId()).setMaxResults(max).getResultList();
    }

    /** Open case files whose assigned mentor is this person (a handover moves them). */
    public List<CaseFile> mentoredBy(UserAccount mentor) {
        return em.createQuery("select c from CaseFile c where c.assignedMentor = :m and c.phase <> :closed"
                + " order by c.id", CaseFile.class).setParameter("m", mentor).setParameter("closed", Phase.CLOSED)
                .getResultList();
    }

    /** Case files of a team that are not closed (a team with any cannot be retired). */
    public long countOpenOfTeam(Team team) {
        return em.createQuery("select count(c) from CaseFile c where c.team = :t and c.phase <> :closed", Long.class)
                .setParameter("t", team).setParameter("closed", Phase.CLOSED).getSingleResult();
    }

    /** The team's case file with this reference. */
    public Optional<CaseFile> byReference(String reference, Team team) {
        return em.createQuery("select c from CaseFile c where c.reference = :r and c.team = :t", CaseFile.class)
                .setParameter("r", reference).setParameter("t", team).getResultStream().findFirst();
    }

    /** The case file with this reference, whatever its team (break-glass names a case file outside one's team). */
    public Optional<CaseFile> byReference(String reference) {
        return em.createQuery("select c from CaseFile c where c.reference = :r", CaseFile.class)
                .setParameter("r", reference).getResultStream().findFirst();
    }

    public long count(CaseQuery query, UserAccount reader) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        long total = 0;
        // Only counts without a typed filter are kept (a name's blind index is not kept in memory).
        boolean keep = query.reference() == null && query.pseudonym() == null && query.legalName() == null
                && query.country() == null;
        for (Scope scope : Scope.of(reader)) {
            Supplier<Long> counted = () -> {
                CriteriaQuery<Long> count = cb.createQuery(Long.class);
                Root<CaseFile> root = count.from(CaseFile.class);
                count.select(cb.count(root)).where(filters(cb, root, query, scope.of(cb, root, reader)));
                return em.createQuery(count).getSingleResult();
            };
            total += keep ? keptOr("list:" + scopeKey(scope, reader) + ":" + query.phase() + ":" + query.urgency(),
                    counted) : counted.get();
        }
        return total;
    }

    /** A page deeper than this, for a reader with two scopes, is found with one query over both (slower, rare). */
    static final int MERGED_PAGE_DEPTH = 1000;

    /**
     * One page of the list as rows of plain columns: no entity is loaded, so nothing sealed is decrypted and no
     * association is fetched for a list that shows neither (P2). Two steps: the page's ids first, which an index of
     * the team (or mentor) and creation time answers without reading the wide case rows, then those rows only.
     * A reader with two scopes (a coordinator who also mentors): the page lies within the first rows of each scope,
     * so those candidates are read by index, scope by scope, and the database orders them once more.
     */
    public List<CaseSummary> page(CaseQuery query, UserAccount reader) {
        List<Scope> scopes = Scope.of(reader);
        if (scopes.isEmpty()) {
            return List.of();
        }
        List<Long> page;
        int depth = query.first() + query.pageSize();
        CriteriaBuilder cb = em.getCriteriaBuilder();
        if (scopes.size() == 1) {
            Scope scope = scopes.get(0);
            page = ids(query, root -> filters(cb, root, query, scope.of(cb, root, reader)), scope.constants(query),
                    query.first(), query.pageSize());
        } else if (depth > MERGED_PAGE_DEPTH) {
            page = ids(query, root -> filters(cb, root, query, visibleTo(cb, root, reader)), List.of(),
                    query.first(), query.pageSize());
        } else {
            List<Long> candidates = new ArrayList<>();
            for (Scope scope : scopes) {
                candidates.addAll(ids(query, root -> filters(cb, root, query, scope.of(cb, root, reader)),
                        scope.constants(query), 0, depth));
            }
            // The candidates are filtered and visible already: the database only orders them once more.
            page = candidates.isEmpty() ? List.of() : ids(query,
                    root -> new Predicate[] {root.get("id").in(candidates)}, List.of(), query.first(),
                    query.pageSize());
        }
        if (page.isEmpty()) {
            return List.of();
        }
        Map<Long, CaseSummary> rows = new java.util.HashMap<>();
        em.createQuery("select c.id, c.reference, c.pseudonym, c.phase, c.urgency, c.country, c.createdAt,"
                        + " c.triageOverdue from CaseFile c where c.id in :ids", Object[].class)
                .setParameter("ids", page).getResultList()
                .forEach(r -> rows.put((Long) r[0], new CaseSummary((Long) r[0], (String) r[1], (String) r[2], null,
                        (Phase) r[3], (org.continuum.casefile.entity.Urgency) r[4], (String) r[5], (Instant) r[6],
                        (Boolean) r[7])));
        return page.stream().map(rows::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * The ids of a page in the list's order (its sort key, then the id in the same direction, so that one index per
     * key serves both directions), among the rows {@code where} keeps.
     * {@code constants} are columns {@code where} holds equal to one value (the team, the phase filter): ordering by
     * them first changes nothing in the order, but lets H2 read its (team, phase, created_at, id) index in order and
     * stop after one page, where otherwise it reads and sorts the whole team (PostgreSQL sees it either way).
     */
    private List<Long> ids(CaseQuery query, Function<Root<CaseFile>, Predicate[]> where,
                           List<Function<Root<CaseFile>, Path<?>>> constants, int first, int max) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> ids = cb.createQuery(Long.class);
        Root<CaseFile> root = ids.from(CaseFile.class);
        List<Order> order = new ArrayList<>();
        constants.forEach(column -> order.add(cb.asc(column.apply(root))));
        for (Path<?> column : List.of(root.get(query.sortField()), root.get("id"))) {
            order.add(query.ascending() ? cb.asc(column) : cb.desc(column));
        }
        ids.select(root.get("id")).where(where.apply(root)).orderBy(order);
        return em.createQuery(ids).setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** The dashboard's two bars: open case files by phase, and by their current risk level. */
    public record Counts(Map<Phase, Long> byPhase, Map<RiskLevel, Long> byRisk) {
    }

    /**
     * Open case files by phase and by risk level, from one count per scope grouped by both columns: the database
     * reads its (team or mentor, phase, risk level) index once for both bars (P2). Closed
     * case files, most of a team's after a few years, are left out: the dashboard is about the work at hand (a
     * closed bar dwarfed every other), and the reports count them. The count names an indexed column rather than
     * the row (count(c) counts ids), so the index alone answers it.
     */
    public Counts counts(UserAccount reader) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        Map<Phase, Long> byPhase = new EnumMap<>(Phase.class);
        Map<RiskLevel, Long> byRisk = new EnumMap<>(RiskLevel.class);
        for (Scope scope : Scope.of(reader)) {
            List<Object[]> rows = keptOr("bars:" + scopeKey(scope, reader), () -> {
                CriteriaQuery<Object[]> groups = cb.createQuery(Object[].class);
                Root<CaseFile> c = groups.from(CaseFile.class);
                // Every phase is counted and the closed ones dropped here: a list of the open phases made
                // PostgreSQL read its index in seven ranges with heap visits (dashboard p95 146 ms -> 213-230 ms
                // under 50 users), and saved H2 little.
                groups.multiselect(c.get("phase"), c.get("riskLevel"), cb.count(c.get("phase")))
                        .where(scope.of(cb, c, reader)).groupBy(c.get("phase"), c.get("riskLevel"));
                return List.copyOf(em.createQuery(groups).getResultList());
            });
            for (Object[] row : rows) {
                Phase phase = (Phase) row[0];
                if (phase == Phase.CLOSED) {
                    continue;
                }
                long count = (Long) row[2];
                byPhase.merge(phase, count, Long::sum);
                if (row[1] != null) {
                    byRisk.merge((RiskLevel) row[1], count, Long::sum);
                }
            }
        }
        return new Counts(byPhase, byRisk);
    }

    /**
     * Case files whose next review (reassessment or check-in) falls before {@code until}, soonest first, as plain
     * columns: the dashboard shows no sealed field, so none is read or decrypted.
     */
    public List<ReviewDue> reviewsDueBefore(Instant until, UserAccount reader, int max) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        List<ReviewDue> found = new ArrayList<>();
        for (Scope scope : Scope.of(reader)) {
            CriteriaQuery<ReviewDue> due = cb.createQuery(ReviewDue.class);
            Root<CaseFile> d = due.from(CaseFile.class);
            due.select(cb.construct(ReviewDue.class, d.get("id"), d.get("reference"), d.get("pseudonym"),
                            d.get("phase"), d.get("riskLevel"), d.get("nextReviewAt")))
                    // A range, not "is not null" and "<= until": H2 keeps the nulls (every closed case file) first
                    // in its (scope, next review, id) index and walked past all of them before the first due date
                    // (32,000 index entries, 20 ms a dashboard); from a lower bound it starts at the first one.
                    .where(scope.of(cb, d, reader), cb.between(d.get("nextReviewAt"), Instant.EPOCH, until))
                    .orderBy(cb.asc(scope.column(d)), cb.asc(d.get("nextReviewAt")), cb.asc(d.get("id")));
            found.addAll(em.createQuery(due).setMaxResults(max).getResultList());
        }
        return found.stream().sorted(java.util.Comparator.comparing(ReviewDue::dueAt)
                .thenComparingLong(ReviewDue::caseFileId)).limit(max).toList();
    }

    public long countTriageOverdue(UserAccount reader) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        long total = 0;
        for (Scope scope : Scope.of(reader)) {
            CriteriaQuery<Long> overdue = cb.createQuery(Long.class);
            Root<CaseFile> o = overdue.from(CaseFile.class);
            overdue.select(cb.count(o.get("triageOverdue")))
                    .where(scope.of(cb, o, reader), cb.isTrue(o.get("triageOverdue")));
            total += em.createQuery(overdue).getSingleResult();
        }
        return total;
    }

    private Predicate[] filters(CriteriaBuilder cb, Root<CaseFile> root, CaseQuery query, Predicate visible) {
        List<Predicate> where = new ArrayList<>();
        where.add(visible);
        if (query.reference() != null) {
            where.add(cb.like(cb.upper(root.get("reference")), likePattern(query.reference().toUpperCase(Locale.ROOT)),
                    '\\'));
        }
        if (query.pseudonym() != null) {
            where.add(cb.like(cb.lower(root.get("pseudonym")), likePattern(query.pseudonym().toLowerCase(Locale.ROOT)),
                    '\\'));
        }
        if (query.legalName() != null) {
            where.add(root.get("legalNameIndex").in(cipher.blindIndexes(query.legalName())));
        }
        if (query.phase() != null) {
            where.add(cb.equal(root.get("phase"), query.phase()));
        }
        if (query.urgency() != null) {
            where.add(cb.equal(root.get("urgency"), query.urgency()));
        }
        if (query.country() != null) {
            where.add(cb.equal(root.get("country"), query.country().toUpperCase(Locale.ROOT)));
        }
        return where.toArray(Predicate[]::new);
    }

    /**
     * The need-to-know rule of {@link CaseAccessPolicy}, written as a query condition on a case file: the one
     * condition every list of case-scoped rows uses (referrals too).
     */
    public static Predicate visibleTo(CriteriaBuilder cb, Root<CaseFile> root, UserAccount reader) {
        List<Scope> scopes = Scope.of(reader);
        return scopes.isEmpty() ? cb.disjunction()
                : cb.or(scopes.stream().map(s -> s.of(cb, root, reader)).toArray(Predicate[]::new));
    }

    /**
     * The same rule as disjoint parts, each answered by one index: the team's case files (caseworkers,
     * coordinators), and the case files the reader mentors outside that team. An OR of the two would make the
     * database read and sort every case file of the team for a page or a count (P2).
     */
    enum Scope {
        TEAM, MENTORED;

        static List<Scope> of(UserAccount reader) {
            List<Scope> scopes = new ArrayList<>(2);
            if (readsTeam(reader)) {
                scopes.add(TEAM);
            }
            if (reader.hasRole(Role.SECURITY_MENTOR)) {
                scopes.add(MENTORED);
            }
            return scopes;
        }

        static boolean readsTeam(UserAccount reader) {
            return (reader.hasRole(Role.CASEWORKER) || reader.hasRole(Role.COORDINATOR)) && reader.getTeam() != null;
        }

        /**
         * The columns this scope and the query's filters hold to one value that lead the index of the query's order
         * (V20, V24, V27): the team or the mentor; then the phase, for a team's list filtered by phase in the order
         * of the opening date, the one order with a (team, phase, column) index. Every other sort index ends with
         * the phase, so a filtered list walks it in order and keeps the rows of that phase from the index alone.
         */
        List<Function<Root<CaseFile>, Path<?>>> constants(CaseQuery query) {
            if (this == TEAM && query.phase() != null && "createdAt".equals(query.sortField())) {
                return List.of(this::column, root -> root.get("phase"));
            }
            return List.of(this::column);
        }

        /** The column that holds this scope to one value (the team's id, or the mentor's). */
        Path<?> column(Root<CaseFile> root) {
            return this == TEAM ? root.get("team").get("id") : root.get("assignedMentor").get("id");
        }

        Predicate of(CriteriaBuilder cb, Root<CaseFile> root, UserAccount reader) {
            if (this == TEAM) {
                return cb.equal(root.get("team"), reader.getTeam());
            }
            Predicate mentored = cb.equal(root.get("assignedMentor"), reader);
            return readsTeam(reader) ? cb.and(mentored, cb.notEqual(root.get("team"), reader.getTeam())) : mentored;
        }
    }

    static String likePattern(String value) {
        String escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
