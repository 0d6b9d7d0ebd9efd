package org.continuum.platform.view;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as staff in several time zones read them unambiguously: ISO-like, in UTC, labelled. */
@Named
@ApplicationScoped
public class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    /** An amount with its currency, e.g. {@code 1,200.00 EUR}; the same digits in every language. */
    public String money(java.math.BigDecimal amount, String currency) {
        if (amount == null) {
            return "—";
        }
        return String.format(java.util.Locale.ROOT, "%,.2f %s", amount, currency == null ? "" : currency);
    }

    /** A list as "a, b, c" (codes and names shown as they are). */
    public String join(java.util.List<String> items) {
        return items == null || items.isEmpty() ? "—" : String.join(", ", items);
    }

    public java.time.LocalDate getToday() {
        return java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    }
}
