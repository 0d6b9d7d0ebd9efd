package org.continuum.casefile.control;

import org.continuum.casefile.entity.Urgency;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;

/**
 * How long triage may take per urgency: critical 4 hours, high 24 hours, standard 5 days. Each can be overridden
 * with {@code -Dcontinuum.triage.deadline.<URGENCY>=<ISO-8601 duration>} (the test server shortens CRITICAL to
 * prove that the timer fires inside WildFly).
 */
public final class TriageDeadlines {

    private static final Map<Urgency, Duration> DEFAULTS = new EnumMap<>(Map.of(
            Urgency.CRITICAL, Duration.ofHours(4),
            Urgency.HIGH, Duration.ofHours(24),
            Urgency.STANDARD, Duration.ofDays(5)));

    private TriageDeadlines() {
    }

    public static Duration forUrgency(Urgency urgency) {
        String configured = System.getProperty("continuum.triage.deadline." + urgency.name());
        if (configured == null || configured.isBlank()) {
            return DEFAULTS.get(urgency);
        }
        try {
            Duration parsed = Duration.parse(configured.strip());
            if (parsed.isNegative() || parsed.isZero()) {
                throw new IllegalStateException("continuum.triage.deadline." + urgency + " must be positive");
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("continuum.triage.deadline." + urgency
                    + " is not an ISO-8601 duration such as PT4H", e);
        }
    }
}
