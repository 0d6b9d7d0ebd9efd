package org.continuum.protection.control;

import org.continuum.casefile.entity.RiskLevel;
import org.continuum.platform.control.Settings;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * When a case is looked at again: reassessment intervals by risk level (critical 7 days, high 14, medium 30,
 * low 90) and check-ins after arrival in exile (30, 90 and 180 days). Each figure can be overridden by a system
 * property ({@code continuum.reassessment.HIGH=P10D}, {@code continuum.exile.checkIns=P30D,P90D,P180D}).
 */
public final class ReviewSchedule {

    private static final List<Duration> DEFAULT_CHECK_INS =
            List.of(Duration.ofDays(30), Duration.ofDays(90), Duration.ofDays(180));

    private ReviewSchedule() {
    }

    public static Duration reassessmentInterval(RiskLevel level) {
        Duration fallback = switch (level) {
            case CRITICAL -> Duration.ofDays(7);
            case HIGH -> Duration.ofDays(14);
            case MEDIUM -> Duration.ofDays(30);
            case LOW -> Duration.ofDays(90);
        };
        return Settings.duration("continuum.reassessment." + level.name(), fallback);
    }

    public static Instant nextReassessment(RiskLevel level, Instant from) {
        return from.plus(reassessmentInterval(level));
    }

    /** Offsets after arrival of the scheduled check-ins, in order. */
    public static List<Duration> checkIns() {
        String configured = System.getProperty("continuum.exile.checkIns");
        if (configured == null || configured.isBlank()) {
            return DEFAULT_CHECK_INS;
        }
        try {
            return java.util.Arrays.stream(configured.split(",")).map(String::strip).map(Duration::parse).toList();
        } catch (DateTimeParseException e) {
            return DEFAULT_CHECK_INS;
        }
    }

    /**
     * The next check-in after {@code done} check-ins: the scheduled one if any is left, else one more after the
     * last interval (support does not stop by itself; a caseworker proposes closure). Never in the past.
     */
    public static Instant nextCheckIn(Instant arrivedAt, int done, Instant now) {
        List<Duration> offsets = checkIns();
        Instant due = done < offsets.size()
                ? arrivedAt.plus(offsets.get(done))
                : now.plus(offsets.get(offsets.size() - 1));
        return due.isBefore(now) ? now.plus(Duration.ofMinutes(1)) : due;
    }
}
