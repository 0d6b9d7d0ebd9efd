package org.continuum.protection.control;

import org.continuum.casefile.entity.RiskLevel;
import org.continuum.protection.entity.FactorKind;
import org.continuum.protection.entity.RiskFactor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The risk equation of protection work, <b>risk = threats × vulnerabilities ÷ capacities</b>, made precise so that two
 * mentors with the same facts reach the same level, and a mentor who disagrees must say why.
 * <ol>
 *   <li>Each threat is worth <i>likelihood × impact</i> (1–25). A threat whose last incident is less than
 *       {@value #RECENT_DAYS} days old counts one likelihood step higher (at most 5): it is active.</li>
 *   <li>Threats <i>T</i> = the worst threat + {@code 0.25} × the sum of the others, at most 25: several threats add
 *       up, but ten small ones do not outweigh one grave one.</li>
 *   <li>Vulnerabilities <i>V</i> = 1 + (sum of their weights 1–5) ÷ 10; capacities <i>C</i> = 1 + (sum of their
 *       weights) ÷ 10. Each vulnerability raises the risk by 10–50 %, each capacity lowers it alike.</li>
 *   <li>Score = <i>T × V ÷ C</i>, rounded to two decimals; level: below {@value #MEDIUM_FROM} low, below
 *       {@value #HIGH_FROM} medium, below {@value #CRITICAL_FROM} high, else critical. No threat: low.</li>
 * </ol>
 * Factors about the group or organisation count like the person's: a raid on the organisation threatens its members.
 */
public final class RiskFormula {

    public static final int RECENT_DAYS = 30;
    public static final int MEDIUM_FROM = 5;
    public static final int HIGH_FROM = 10;
    public static final int CRITICAL_FROM = 16;
    static final int MAX_THREAT = 25;
    private static final BigDecimal OTHERS_SHARE = new BigDecimal("0.25");
    private static final BigDecimal TEN = BigDecimal.TEN;

    private RiskFormula() {
    }

    public record Result(BigDecimal threats, BigDecimal vulnerabilities, BigDecimal capacities, BigDecimal score,
                         RiskLevel level) {
    }

    public static Result evaluate(List<RiskFactor.Factor> factors, LocalDate on) {
        List<Integer> threats = new ArrayList<>();
        int vulnerabilities = 0;
        int capacities = 0;
        for (RiskFactor.Factor f : factors) {
            switch (f.kind()) {
                case THREAT -> threats.add(threatValue(f, on));
                case VULNERABILITY -> vulnerabilities += f.weight();
                case CAPACITY -> capacities += f.weight();
            }
        }
        threats.sort(Comparator.reverseOrder());
        BigDecimal t = BigDecimal.ZERO;
        if (!threats.isEmpty()) {
            int others = threats.stream().skip(1).mapToInt(Integer::intValue).sum();
            t = BigDecimal.valueOf(threats.get(0)).add(OTHERS_SHARE.multiply(BigDecimal.valueOf(others)))
                    .min(BigDecimal.valueOf(MAX_THREAT));
        }
        BigDecimal v = BigDecimal.ONE.add(BigDecimal.valueOf(vulnerabilities).divide(TEN));
        BigDecimal c = BigDecimal.ONE.add(BigDecimal.valueOf(capacities).divide(TEN));
        BigDecimal score = t.multiply(v).divide(c, 2, RoundingMode.HALF_UP);
        return new Result(t.setScale(2, RoundingMode.HALF_UP), v, c, score, level(score));
    }

    static int threatValue(RiskFactor.Factor threat, LocalDate on) {
        int likelihood = threat.likelihood();
        if (threat.lastIncidentOn() != null && !threat.lastIncidentOn().isAfter(on)
                && ChronoUnit.DAYS.between(threat.lastIncidentOn(), on) < RECENT_DAYS) {
            likelihood = Math.min(5, likelihood + 1);
        }
        return likelihood * threat.impact();
    }

    static RiskLevel level(BigDecimal score) {
        if (score.compareTo(BigDecimal.valueOf(MEDIUM_FROM)) < 0) {
            return RiskLevel.LOW;
        }
        if (score.compareTo(BigDecimal.valueOf(HIGH_FROM)) < 0) {
            return RiskLevel.MEDIUM;
        }
        return score.compareTo(BigDecimal.valueOf(CRITICAL_FROM)) < 0 ? RiskLevel.HIGH : RiskLevel.CRITICAL;
    }

    /**
     * The problems of the factors as typed, all at once, each a bundle key with the row number within its kind
     * (threat 2, capacity 1…), the way the form numbers them.
     */
    public static List<String> problems(List<RiskFactor.Factor> factors, LocalDate on) {
        List<String> problems = new ArrayList<>();
        java.util.Map<FactorKind, Integer> rows = new java.util.EnumMap<>(FactorKind.class);
        for (RiskFactor.Factor f : factors) {
            if (f.kind() == null) {
                problems.add("risk.factor.kind");
                continue;
            }
            int n = rows.merge(f.kind(), 1, Integer::sum);
            String prefix = "risk." + f.kind().name().toLowerCase(java.util.Locale.ROOT) + ".";
            if (f.description() == null || f.description().isBlank()) {
                problems.add(prefix + "description:" + n);
            }
            if (f.kind() == FactorKind.THREAT) {
                if (f.threatCategory() == null) {
                    problems.add(prefix + "category:" + n);
                }
                if (!onScale(f.likelihood()) || !onScale(f.impact())) {
                    problems.add(prefix + "scale:" + n);
                }
                if (f.lastIncidentOn() != null && f.lastIncidentOn().isAfter(on)) {
                    problems.add(prefix + "incidentInFuture:" + n);
                }
            } else if (!onScale(f.weight())) {
                problems.add(prefix + "weight:" + n);
            }
        }
        return problems;
    }

    private static boolean onScale(Integer value) {
        return value != null && value >= 1 && value <= 5;
    }
}
