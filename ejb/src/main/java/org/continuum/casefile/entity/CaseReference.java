package org.continuum.casefile.entity;

import java.time.Year;
import java.util.regex.Pattern;

/** The human reference of a case file, {@code CF-2026-000123}: year of intake and a number that never repeats. */
public final class CaseReference {

    private static final Pattern FORMAT = Pattern.compile("CF-\\d{4}-\\d{6,}");

    private CaseReference() {
    }

    public static String of(Year year, long number) {
        if (number < 1) {
            throw new IllegalArgumentException("case numbers start at 1");
        }
        return String.format("CF-%d-%06d", year.getValue(), number);
    }

    public static boolean isValid(String reference) {
        return reference != null && FORMAT.matcher(reference).matches();
    }
}
