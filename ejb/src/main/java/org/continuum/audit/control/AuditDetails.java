package org.continuum.audit.control;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Audit details without anything that joins a row to another table, another export or a person's other records.
 *
 * <p>As stored ({@link #stored}): a reference (case {@code CF-2026-000123}, grant {@code G-2026-0001}) or the number
 * of a row id ({@code place=17}, {@code requested=987}…) becomes an opaque code, {@code ~} and ten characters of a
 * keyed digest. The same place gives the same code, so an investigator still sees that two people opened the same
 * safe place, and someone holding the key can tell which one; the database alone tells nothing.
 *
 * <p>As exported ({@link #scrub}): references become {@code ref}, ids and opaque codes become {@code #}, so that two
 * exports cannot be joined on them either. Amounts, counts and codes stay.
 */
public final class AuditDetails {

    private static final Pattern REFERENCE = Pattern.compile("\\b[A-Z]{1,3}-\\d{4}-\\d{3,}\\b");
    private static final Pattern ID = Pattern.compile(
            "\\b(glass|change|requested|case|grant|referral|mail|escalation|measure|place|fund-change|closure|"
                    + "break-glass|head-seq|task|id|notification|draft)=\\d+(?![.\\d])");
    private static final Pattern OPAQUE = Pattern.compile("~[A-Za-z0-9_-]{10}");
    private static final int CODE = 10;

    private AuditDetails() {
    }

    /** What the trail keeps of a detail; {@code digest} is a keyed digest (the blind-index key). */
    public static String stored(String detail, UnaryOperator<String> digest) {
        if (detail == null || detail.isEmpty()) {
            return null;
        }
        String references = replace(REFERENCE.matcher(detail), m -> "ref~" + code(digest, "ref:" + m.group()));
        return replace(ID.matcher(references), m -> m.group(1) + "=~" + code(digest, m.group(1) + ":" + m.group()
                .substring(m.group(1).length() + 1)));
    }

    /** What an export shows of a stored detail. */
    public static String scrub(String detail) {
        if (detail == null || detail.isEmpty()) {
            return "";
        }
        String opaque = OPAQUE.matcher(detail).replaceAll("#").replace("ref#", "ref");
        return ID.matcher(REFERENCE.matcher(opaque).replaceAll("ref")).replaceAll("$1=#");
    }

    private static String code(UnaryOperator<String> digest, String value) {
        return digest.apply(value).substring(0, CODE);
    }

    private static String replace(Matcher matcher, java.util.function.Function<Matcher, String> with) {
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(with.apply(matcher)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
