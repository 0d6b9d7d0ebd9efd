package org.continuum.report.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.continuum.identity.control.Caller;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.identity.entity.Role;
import org.continuum.platform.control.Roles;
import org.continuum.identity.entity.UserAccount;
import org.continuum.report.control.SmallCells;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Aggregated figures for auditors (all teams) and coordinators (their team): requests by channel and month, case
 * files by phase, risk level and country, time to triage and to a grant decision, measures delivered, relocations,
 * grants by fund and category, outcomes after relocation. Every count from 1 to 4 is shown as "<5" (small-cell
 * suppression), because a rare combination can point at a person. Each reading is audited.
 */
@Stateless
@RolesAllowed({Roles.AUDITOR, Roles.COORDINATOR})
public class ReportService {

    @Inject
    Caller currentCaller;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    /** One row of a breakdown: its labels (codes the page translates), the shown count and a bar width 0–100. */
    public record Cell(List<String> labels, String shown, int percent) {
    }

    public record Breakdown(String key, List<Cell> cells) {
    }

    public record Report(String scope, List<Breakdown> breakdowns, String medianHoursToTriage,
                         String medianHoursToGrantDecision, String relocations) {
    }

    public Report report() {
        UserAccount caller = currentCaller.account();
        boolean allTeams = caller.hasRole(Role.AUDITOR);
        String team = allTeams ? "" : " and c.team = :team";
        List<Breakdown> breakdowns = new ArrayList<>();
        breakdowns.add(breakdown("report.byChannelMonth", caller, allTeams,
                "select c.channel, c.createdAt from CaseFile c where c.createdAt >= :since" + team, true));
        breakdowns.add(breakdown("report.byPhase", caller, allTeams,
                "select c.phase, count(c) from CaseFile c where 1 = 1" + team + " group by c.phase", false));
        breakdowns.add(breakdown("report.byRisk", caller, allTeams,
                "select c.riskLevel, count(c) from CaseFile c where c.riskLevel is not null" + team
                        + " group by c.riskLevel", false));
        breakdowns.add(breakdown("report.byCountry", caller, allTeams,
                "select c.country, count(c) from CaseFile c where 1 = 1" + team + " group by c.country", false));
        breakdowns.add(breakdown("report.measuresDelivered", caller, allTeams,
                "select m.type.code, count(m) from ProtectionMeasure m, CaseFile c where c.id = m.caseFileId"
                        + " and m.status in ('IN_PROGRESS', 'DONE', 'NOT_EFFECTIVE')" + team
                        + " group by m.type.code", false));
        breakdowns.add(breakdown("report.grantsByFundCategory", caller, allTeams,
                "select g.fund.code, g.category, count(g) from EmergencyGrant g, CaseFile c where c.id = g.caseFileId"
                        + team + " group by g.fund.code, g.category", false));
        breakdowns.add(breakdown("report.outcomesAfterRelocation", caller, allTeams,
                "select c.closureOutcome, count(c) from CaseFile c where c.arrivedAt is not null"
                        + " and c.closureOutcome is not null" + team + " group by c.closureOutcome", false));
        long relocated = count(caller, allTeams,
                "select count(c) from CaseFile c where c.arrivedAt is not null" + team);
        String triage = median(caller, allTeams, "select c.createdAt, min(e.occurredAt) from CaseFile c, CaseEvent e"
                + " where e.caseFileId = c.id and e.kind = 'TRIAGED'" + team + " group by c.id, c.createdAt");
        String decision = median(caller, allTeams, "select g.recommendedAt, g.decidedAt from EmergencyGrant g,"
                + " CaseFile c where c.id = g.caseFileId and g.decidedAt is not null" + team);
        audit.record(caller.getUsername(), AuditAction.REPORT_VIEWED, null, allTeams ? "all-teams" : "team");
        return new Report(allTeams ? "all" : caller.getTeam().getCode(), breakdowns, triage, decision,
                SmallCells.shown(relocated));
    }

    private Breakdown breakdown(String key, UserAccount caller, boolean allTeams, String jpql, boolean byMonth) {
        var query = em.createQuery(jpql, Object[].class);
        if (!allTeams) {
            query.setParameter("team", caller.getTeam());
        }
        List<Object[]> rows;
        if (byMonth) {
            query.setParameter("since", YearMonth.now(ZoneOffset.UTC).minusMonths(11).atDay(1)
                    .atStartOfDay(ZoneOffset.UTC).toInstant());
            java.util.Map<List<String>, Long> counts = new java.util.TreeMap<>(
                    java.util.Comparator.comparing((List<String> l) -> l.get(0)).thenComparing(l -> l.get(1)));
            for (Object[] r : query.getResultList()) {
                String month = YearMonth.from(((Instant) r[1]).atZone(ZoneOffset.UTC)).toString();
                counts.merge(List.of(month, String.valueOf(r[0])), 1L, Long::sum);
            }
            rows = new ArrayList<>();
            counts.forEach((labels, n) -> rows.add(new Object[]{labels.get(0), labels.get(1), n}));
        } else {
            rows = query.getResultList();
        }
        long max = rows.stream().mapToLong(r -> (Long) r[r.length - 1]).max().orElse(1);
        List<Cell> cells = new ArrayList<>();
        for (Object[] r : rows) {
            long n = (Long) r[r.length - 1];
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < r.length - 1; i++) {
                labels.add(String.valueOf(r[i]));
            }
            boolean suppressed = n > 0 && n < SmallCells.THRESHOLD;
            cells.add(new Cell(labels, SmallCells.shown(n), suppressed ? 0 : (int) Math.round(100.0 * n / max)));
        }
        return new Breakdown(key, cells);
    }

    private long count(UserAccount caller, boolean allTeams, String jpql) {
        var query = em.createQuery(jpql, Long.class);
        if (!allTeams) {
            query.setParameter("team", caller.getTeam());
        }
        return query.getSingleResult();
    }

    /** The median number of hours between two instants over the rows, or "—" when fewer than five rows exist. */
    private String median(UserAccount caller, boolean allTeams, String jpql) {
        var query = em.createQuery(jpql, Object[].class);
        if (!allTeams) {
            query.setParameter("team", caller.getTeam());
        }
        List<Double> hours = new ArrayList<>();
        for (Object[] r : query.getResultList()) {
            hours.add(Duration.between((Instant) r[0], (Instant) r[1]).toMinutes() / 60.0);
        }
        if (hours.size() < SmallCells.THRESHOLD) {
            return "—";
        }
        Collections.sort(hours);
        int mid = hours.size() / 2;
        double median = hours.size() % 2 == 1 ? hours.get(mid) : (hours.get(mid - 1) + hours.get(mid)) / 2;
        return String.format(java.util.Locale.ROOT, "%.1f", median);
    }
}
