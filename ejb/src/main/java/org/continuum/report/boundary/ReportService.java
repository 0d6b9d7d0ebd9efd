package org.continuum.report.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import org.continuum.identity.control.Caller;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.identity.entity.Role;
import org.continuum.identity.entity.Team;
import org.continuum.platform.control.Roles;
import org.continuum.identity.entity.UserAccount;
import org.continuum.report.control.SmallCells;
import org.continuum.report.control.Statistics;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

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

    @Inject
    Statistics statistics;

    @Inject
    AuditTrail audit;

    /** One row of a breakdown: its labels (codes the page translates), the shown count and a bar width 0–100. */
    public record Cell(List<String> labels, String shown, int percent) implements Serializable {
    }

    public record Breakdown(String key, List<Cell> cells) implements Serializable {
    }

    public record Report(String scope, List<Breakdown> breakdowns, String medianHoursToTriage,
                         String medianHoursToGrantDecision, String relocations) implements Serializable {
    }

    public Report report() {
        UserAccount caller = currentCaller.account();
        boolean allTeams = caller.hasRole(Role.AUDITOR);
        Team team = allTeams ? null : caller.getTeam();
        List<Breakdown> breakdowns = new ArrayList<>();
        breakdowns.add(breakdown("report.byChannelMonth", byMonth(statistics.requestsSince(team,
                YearMonth.now(ZoneOffset.UTC).minusMonths(11).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant()))));
        breakdowns.add(breakdown("report.byPhase", statistics.byPhase(team)));
        breakdowns.add(breakdown("report.byRisk", statistics.byRisk(team)));
        breakdowns.add(breakdown("report.byCountry", statistics.byCountry(team)));
        breakdowns.add(breakdown("report.measuresDelivered", statistics.measuresDelivered(team)));
        breakdowns.add(breakdown("report.grantsByFundCategory", statistics.grantsByFundAndCategory(team)));
        breakdowns.add(breakdown("report.outcomesAfterRelocation", statistics.outcomesAfterRelocation(team)));
        breakdowns.add(breakdown("report.relocationsByDestination", statistics.relocationsByDestination(team)));
        breakdowns.add(breakdown("report.referralsByPartner", statistics.referralsByPartner(team)));
        long relocated = statistics.relocated(team);
        String triage = median(statistics.triageDelays(team));
        String decision = median(statistics.grantDecisionDelays(team));
        audit.record(caller.getUsername(), AuditAction.REPORT_VIEWED, null, allTeams ? "all-teams" : "team");
        return new Report(allTeams ? "all" : caller.getTeam().getCode(), breakdowns, triage, decision,
                SmallCells.shown(relocated));
    }

    /** (channel, instant) rows counted by (month, channel), in that order. */
    private static List<Object[]> byMonth(List<Object[]> requests) {
        Map<List<String>, Long> counts = new TreeMap<>(
                Comparator.comparing((List<String> l) -> l.get(0)).thenComparing(l -> l.get(1)));
        for (Object[] r : requests) {
            String month = YearMonth.from(((Instant) r[1]).atZone(ZoneOffset.UTC)).toString();
            counts.merge(List.of(month, String.valueOf(r[0])), 1L, Long::sum);
        }
        List<Object[]> rows = new ArrayList<>();
        counts.forEach((labels, n) -> rows.add(new Object[]{labels.get(0), labels.get(1), n}));
        return rows;
    }

    private static Breakdown breakdown(String key, List<Object[]> rows) {
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

    /** The median number of hours between two instants over the rows, or "—" when fewer than five rows exist. */
    private static String median(List<Object[]> pairs) {
        List<Double> hours = new ArrayList<>();
        for (Object[] r : pairs) {
            hours.add(Duration.between((Instant) r[0], (Instant) r[1]).toMinutes() / 60.0);
        }
        if (hours.size() < SmallCells.THRESHOLD) {
            return "—";
        }
        Collections.sort(hours);
        int mid = hours.size() / 2;
        double median = hours.size() % 2 == 1 ? hours.get(mid) : (hours.get(mid - 1) + hours.get(mid)) / 2;
        return String.format(Locale.ROOT, "%.1f", median);
    }
}
