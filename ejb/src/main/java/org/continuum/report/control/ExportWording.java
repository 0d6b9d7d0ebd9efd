package org.continuum.report.control;

import org.continuum.platform.control.Labels;

import java.util.List;

/**
 * How an export writes its column names and values: in the words of the interface, in the reader's language
 * ("Relocation", "Lebanon", « Liban », «لبنان»), for a person who opens the file; or as the codes themselves
 * ({@code RELOCATION}, {@code LB}), for an analysis tool that reads the file again and again. Numbers and dates stay
 * as a spreadsheet reads them (2000.00, 2026-12-01) in both; the sign of a hidden value ({@code *}) stays too.
 */
public final class ExportWording {

    /** The byte order mark that makes a spreadsheet read a CSV file as UTF-8 (Excel guesses otherwise). */
    public static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static final ExportWording CODES = new ExportWording(null);

    private final Labels labels;

    private ExportWording(Labels labels) {
        this.labels = labels;
    }

    /** The codes, as the database holds them. */
    public static ExportWording codes() {
        return CODES;
    }

    /** The interface's words in this language ("en", "fr", "ar"; an unknown one reads English). */
    public static ExportWording words(String language) {
        return new ExportWording(Labels.of(language));
    }

    /** Whether this export is written for people (then a CSV file starts with a {@link #BOM}). */
    public boolean inWords() {
        return labels != null;
    }

    /** The column names: {@code check_ins}, or its label {@code export.column.check_ins}. */
    public List<String> columns(List<String> names) {
        return labels == null ? names : names.stream().map(n -> labels.of("export.column", n)).toList();
    }

    /** A value of a labelled kind ({@code phase}, {@code RELOCATION}): its label, or its code; empty when none. */
    public String label(String prefix, Object value) {
        if (value == null) {
            return "";
        }
        String code = value instanceof Enum<?> e ? e.name() : value.toString();
        return labels == null || code.isEmpty() || KAnonymity.HIDDEN.equals(code) ? code : labels.of(prefix, code);
    }

    /** A country: its name in the reader's language, or its ISO code; empty and hidden values stay as they are. */
    public String country(String isoCode) {
        if (isoCode == null) {
            return "";
        }
        return labels == null || isoCode.isEmpty() || KAnonymity.HIDDEN.equals(isoCode) ? isoCode
                : labels.country(isoCode);
    }
}
