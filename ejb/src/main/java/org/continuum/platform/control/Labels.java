package org.continuum.platform.control;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * The words of the interface for documents and exports made on the server: the same bundle as the pages
 * ({@code org.continuum.i18n.messages}, kept in this module so that the web pages and the documents read one
 * source), country and language names from the JDK's CLDR data, and dates in the reader's locale. A code without a
 * label is printed as it is rather than failing a document (a test keeps every printed code labelled).
 */
public final class Labels {

    public static final String BUNDLE = "org.continuum.i18n.messages";

    private final Locale locale;
    private final ResourceBundle words;
    private final DateTimeFormatter when;

    private Labels(Locale locale) {
        this.locale = locale;
        this.words = Bundles.load(BUNDLE, locale);
        this.when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withZone(ZoneOffset.UTC);
    }

    /** The labels for a reader of {@code languageTag} ("en", "fr", …). */
    public static Labels of(String languageTag) {
        return new Labels(Locale.forLanguageTag(Bundles.supported(languageTag)));
    }

    public Locale locale() {
        return locale;
    }

    /** The label of {@code prefix.value} ({@code phase.TRIAGE}), or the value itself when the bundle has none. */
    public String of(String prefix, Object value) {
        if (value == null) {
            return null;
        }
        String code = value instanceof Enum<?> e ? e.name() : value.toString();
        try {
            return words.getString(prefix + "." + code);
        } catch (MissingResourceException none) {
            return code;
        }
    }

    /** Whether the bundle labels {@code prefix.value}. */
    public boolean has(String prefix, Object value) {
        return words.containsKey(prefix + "." + (value instanceof Enum<?> e ? e.name() : value));
    }

    /** The country's name in the reader's language ("LB" → "Lebanon", « Liban », «لبنان»). */
    public String country(String isoCode) {
        if (isoCode == null || isoCode.isBlank()) {
            return null;
        }
        String name = new Locale("", isoCode).getDisplayCountry(locale);
        return name.isBlank() || name.equalsIgnoreCase(isoCode) ? isoCode : name;
    }

    /** Language names in the reader's language ("ar", "ru" → "Arabic, Russian"). */
    public String languages(Collection<String> tags) {
        return tags.stream().map(this::language).collect(Collectors.joining(", "));
    }

    public String language(String tag) {
        String name = Locale.forLanguageTag(tag).getDisplayLanguage(locale);
        return name.isBlank() ? tag : name;
    }

    /** A moment, in the reader's format, in UTC. */
    public String when(Instant instant) {
        return instant == null ? null : when.format(instant) + " UTC";
    }
}
