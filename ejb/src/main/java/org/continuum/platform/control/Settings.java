package org.continuum.platform.control;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Durations set by a system property (ISO-8601, e.g. {@code PT5M}), read where they apply so an operator's setting
 * takes effect at the next use. Missing, blank, unreadable or not positive: the default.
 */
public final class Settings {

    private Settings() {
    }

    public static Duration duration(String property, Duration fallback) {
        return duration(System.getProperty(property), property, fallback);
    }

    /** The same for a value already read ({@code property} only names it). */
    static Duration duration(String value, String property, Duration fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            Duration parsed = Duration.parse(value.strip());
            return parsed.isNegative() || parsed.isZero() ? fallback : parsed;
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
