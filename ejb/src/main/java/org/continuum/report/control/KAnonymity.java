package org.continuum.report.control;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * k-anonymity for the case export: every combination of the quasi-identifiers (team, country, situation,
 * destination, month) an export shows is shared by at least {@link #K} rows, or the row shows none of them.
 *
 * <p>Full-domain generalisation, then suppression: the first {@link Level} at which at most one row in twenty falls
 * in a class smaller than {@code K} is applied to every row, and the rows still in small classes show {@code *} for
 * all five. If those suppressed rows are themselves fewer than {@code K}, the smallest remaining classes join them
 * until they are not, so that the "all unknown" group is no smaller than any other. Two passes: {@link #count}
 * every row, then {@link #plan()}, then {@link Plan#show} each row.
 */
public final class KAnonymity {

    public static final int K = 5;
    public static final String HIDDEN = "*";

    /** The quasi-identifiers of one case file, as stored. */
    public record Quasi(String team, String country, String situation, String destination, YearMonth month) {
    }

    /** How far the values are coarsened. */
    public enum Level {
        MONTH, YEAR, YEAR_NO_DESTINATION, YEAR_NO_COUNTRY, YEAR_TEAM_SITUATION;

        Quasi coarsen(Quasi q) {
            boolean destination = this.compareTo(YEAR_NO_DESTINATION) < 0;
            boolean country = this.compareTo(YEAR_NO_COUNTRY) < 0;
            return new Quasi(q.team(), country ? q.country() : HIDDEN, q.situation(),
                    destination ? q.destination() : HIDDEN, q.month());
        }

        String period(YearMonth month) {
            if (month == null) {
                return "";
            }
            return this == MONTH ? month.toString() : Integer.toString(month.getYear());
        }

        String key(Quasi q) {
            Quasi c = coarsen(q);
            return c.team() + '|' + c.country() + '|' + c.situation() + '|' + c.destination() + '|' + period(q.month());
        }
    }

    private final List<Map<String, Integer>> counts = new ArrayList<>();
    private long rows;

    public KAnonymity() {
        for (int i = 0; i < Level.values().length; i++) {
            counts.add(new HashMap<>());
        }
    }

    /** First pass: one call per row that will be exported. */
    public void count(Quasi q) {
        rows++;
        for (Level level : Level.values()) {
            counts.get(level.ordinal()).merge(level.key(q), 1, Integer::sum);
        }
    }

    public Plan plan() {
        Level chosen = Level.values()[Level.values().length - 1];
        for (Level level : Level.values()) {
            if (smallRows(counts.get(level.ordinal())) * 20 <= rows) {
                chosen = level;
                break;
            }
        }
        Map<String, Integer> classes = counts.get(chosen.ordinal());
        Set<String> hidden = new HashSet<>();
        long hiddenRows = 0;
        for (Map.Entry<String, Integer> c : classes.entrySet()) {
            if (c.getValue() < K) {
                hidden.add(c.getKey());
                hiddenRows += c.getValue();
            }
        }
        List<Map.Entry<String, Integer>> bySize = classes.entrySet().stream()
                .filter(c -> !hidden.contains(c.getKey()))
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        for (int i = 0; hiddenRows > 0 && hiddenRows < K && i < bySize.size(); i++) {
            hidden.add(bySize.get(i).getKey());
            hiddenRows += bySize.get(i).getValue();
        }
        return new Plan(chosen, hidden, hiddenRows);
    }

    private static long smallRows(Map<String, Integer> classes) {
        return classes.values().stream().filter(n -> n < K).mapToLong(Integer::longValue).sum();
    }

    /** What the export shows: the level applied to all rows and which classes show nothing. */
    public static final class Plan {

        private final Level level;
        private final Set<String> hidden;
        private final long hiddenRows;

        Plan(Level level, Set<String> hidden, long hiddenRows) {
            this.level = level;
            this.hidden = hidden;
            this.hiddenRows = hiddenRows;
        }

        public Level level() {
            return level;
        }

        public long hiddenRows() {
            return hiddenRows;
        }

        public boolean hides(Quasi q) {
            return hidden.contains(level.key(q));
        }

        /** Team, country, situation, destination and period as the row shows them. */
        public List<String> show(Quasi q) {
            if (hides(q)) {
                return List.of(HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN);
            }
            Quasi c = level.coarsen(q);
            return List.of(c.team(), c.country(), c.situation(), c.destination(), level.period(q.month()));
        }

        /** Another date of the same row (closure, arrival), no finer than the row's period. */
        public String period(Quasi q, YearMonth month) {
            return hides(q) ? HIDDEN : level.period(month);
        }
    }

    /** For a test: the sizes of the classes a list of shown rows forms. */
    public static Map<List<String>, Integer> classes(List<List<String>> shown) {
        Map<List<String>, Integer> sizes = new HashMap<>();
        shown.forEach(r -> sizes.merge(r, 1, Integer::sum));
        return sizes;
    }
}
