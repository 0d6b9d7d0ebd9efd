package org.continuum.report.control;

import java.util.regex.Pattern;

/**
 * Audit details as an export shows them: without anything that joins a row to another export or to the database.
 * References (case {@code CF-2026-000123}, grant {@code G-2026-0001}) become {@code ref}, and the numbers of ids
 * ({@code glass=12}, {@code change=5}, {@code requested=987}…) become {@code #}. Amounts, counts and codes stay.
 */
public final class AuditDetails {

    private static final Pattern REFERENCE = Pattern.compile("\\b[A-Z]{1,3}-\\d{4}-\\d{3,}\\b");
    private static final Pattern ID = Pattern.compile(
            "\\b(glass|change|requested|case|grant|referral|mail|escalation|measure|place|fund-change|closure|"
                    + "break-glass|head-seq|task|id)=\\d+(?![.\\d])");

    private AuditDetails() {
    }

    public static String scrub(String detail) {
        if (detail == null || detail.isEmpty()) {
            return "";
        }
        return ID.matcher(REFERENCE.matcher(detail).replaceAll("ref")).replaceAll("$1=#");
    }
}
