package org.continuum.report.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.identity.entity.Team;
import org.continuum.referral.entity.Referral;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The queries behind the reports: counts grouped by one or two codes (the count last in each row), or pairs of
 * instants to measure a delay. {@code team} restricts every query to one team's case files; null means all teams.
 */
@ApplicationScoped
public class Statistics {

    private static final String TEAM = " and c.team = :team";

    @PersistenceContext
    EntityManager em;

    /** (channel, createdAt) of every request since {@code since}: the caller buckets them by month. */
    public List<Object[]> requestsSince(Team team, Instant since) {
        TypedQuery<Object[]> query = em.createQuery("select c.channel, c.createdAt from CaseFile c"
                + " where c.createdAt >= :since" + scope(team), Object[].class).setParameter("since", since);
        return restricted(query, team).getResultList();
    }

    public List<Object[]> byPhase(Team team) {
        return rows("select c.phase, count(c) from CaseFile c where 1 = 1" + scope(team) + " group by c.phase", team);
    }

    public List<Object[]> byRisk(Team team) {
        return rows("select c.riskLevel, count(c) from CaseFile c where c.riskLevel is not null" + scope(team)
                + " group by c.riskLevel", team);
    }

    public List<Object[]> byCountry(Team team) {
        return rows("select c.country, count(c) from CaseFile c where 1 = 1" + scope(team) + " group by c.country",
                team);
    }

    /** Measures under way, done or found not effective, by type. */
    public List<Object[]> measuresDelivered(Team team) {
        return rows("select m.type.code, count(m) from ProtectionMeasure m, CaseFile c where c.id = m.caseFileId"
                + " and m.status in ('IN_PROGRESS', 'DONE', 'NOT_EFFECTIVE')" + scope(team)
                + " group by m.type.code", team);
    }

    public List<Object[]> grantsByFundAndCategory(Team team) {
        return rows("select g.fund.code, g.category, count(g) from EmergencyGrant g, CaseFile c"
                + " where c.id = g.caseFileId" + scope(team) + " group by g.fund.code, g.category", team);
    }

    public List<Object[]> outcomesAfterRelocation(Team team) {
        return rows("select c.closure.outcome, count(c) from CaseFile c where c.relocation.arrivedAt is not null"
                + " and c.closure.outcome is not null" + scope(team) + " group by c.closure.outcome", team);
    }

    public long relocated(Team team) {
        return restricted(em.createQuery("select count(c) from CaseFile c where c.relocation.arrivedAt is not null"
                + scope(team), Long.class), team).getSingleResult();
    }

    /** (created, first triage) per case file. */
    public List<Object[]> triageDelays(Team team) {
        return rows("select c.createdAt, min(e.occurredAt) from CaseFile c, CaseEvent e where e.caseFileId = c.id"
                + " and e.kind = 'TRIAGED'" + scope(team) + " group by c.id, c.createdAt", team);
    }

    /** (recommended, decided) per decided grant. */
    public List<Object[]> grantDecisionDelays(Team team) {
        return rows("select g.recommendedAt, g.decidedAt from EmergencyGrant g, CaseFile c"
                + " where c.id = g.caseFileId and g.decidedAt is not null" + scope(team), team);
    }

    /**
     * Relocations by destination country. The destination is sealed, bound to its case file's row, so the database
     * can neither group it nor hand it out alone: the case files are read, their destinations opened and counted here.
     */
    public List<Object[]> relocationsByDestination(Team team) {
        return counted(restricted(em.createQuery("select c from CaseFile c"
                + " where c.relocation.destinationCountry is not null" + scope(team), CaseFile.class), team)
                .getResultList().stream().map(CaseFile::getDestinationCountry).filter(d -> d != null && !d.isEmpty())
                .toList());
    }

    /** Referrals sent, by partner code; the partner link is sealed, so it is opened and counted here. */
    public List<Object[]> referralsByPartner(Team team) {
        Map<Long, String> codes = new HashMap<>();
        em.createQuery("select p.id, p.code from Partner p", Object[].class).getResultList()
                .forEach(p -> codes.put((Long) p[0], (String) p[1]));
        List<Referral> referrals = restricted(em.createQuery("select r from Referral r, CaseFile c"
                + " where c.id = r.caseFileId" + scope(team), Referral.class), team).getResultList();
        return counted(referrals.stream().filter(r -> r.getPartnerId() != null)
                .map(r -> codes.getOrDefault(r.getPartnerId(), "?")).toList());
    }

    private static List<Object[]> counted(List<String> values) {
        Map<String, Long> counts = new TreeMap<>();
        values.forEach(v -> counts.merge(v, 1L, Long::sum));
        List<Object[]> rows = new ArrayList<>();
        counts.forEach((value, n) -> rows.add(new Object[]{value, n}));
        return rows;
    }

    private List<Object[]> rows(String jpql, Team team) {
        return restricted(em.createQuery(jpql, Object[].class), team).getResultList();
    }

    private static String scope(Team team) {
        return team == null ? "" : TEAM;
    }

    private static <T> TypedQuery<T> restricted(TypedQuery<T> query, Team team) {
        return team == null ? query : query.setParameter("team", team);
    }
}
