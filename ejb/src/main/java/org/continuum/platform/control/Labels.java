package org.continuum.platform.control;

import java.text.NumberFormat;
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
    private final DateTimeFormatter day;
    private final NumberFormat amount;

    private Labels(Locale locale) {
        this.locale = locale;
        this.words = Bundles.load(BUNDLE, locale);
        this.when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(digits(locale)).withZone(ZoneOffset.UTC);
        this.day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(digits(locale));
        this.amount = NumberFormat.getNumberInstance(digits(locale));
        this.amount.setMinimumFractionDigits(2);
        this.amount.setMaximumFractionDigits(2);
    }

    /** One set per language we write in: a page asks for labels many times per row, building them is not free. */
    private static final java.util.concurrent.ConcurrentMap<String, Labels> BY_LANGUAGE =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The labels for a reader of {@code languageTag} ("en", "fr", …; another reads English). Shared between threads:
     * the bundle and the date formatters are immutable, the number format is used under its own lock.
     */
    public static Labels of(String languageTag) {
        return BY_LANGUAGE.computeIfAbsent(Bundles.supported(languageTag),
                language -> new Labels(Locale.forLanguageTag(language)));
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

    /**
     * The words of a timeline summary: each {@code key=VALUE} whose key the interface names becomes "Label: value"
     * ({@code channel=PARTNER_REFERRAL urgency=HIGH} → "Channel: Partner referral · Urgency: High"); anything else
     * (references, codes without a label) stays as written.
     */
    public String summary(String summary) {
        if (summary == null || summary.isBlank()) {
            return summary;
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (String token : summary.trim().split("\\s+")) {
            int eq = token.indexOf('=');
            String[] named = eq <= 0 ? null : SUMMARY_KEYS.get(token.substring(0, eq));
            if (named == null) {
                parts.add(token);
                continue;
            }
            String value = token.substring(eq + 1);
            String shown = switch (named[1]) {
                case "country" -> country(value);
                case "yesNo" -> "true".equals(value) ? words.getString("common.yes")
                        : "false".equals(value) ? words.getString("common.no") : value;
                case "" -> value;
                default -> of(named[1], value);
            };
            parts.add(words.getString(named[0]) + ": " + shown);
        }
        return String.join(" · ", parts);
    }

    /** Summary keys the interface names: the label of the key, and how its value reads (a label prefix, or a kind). */
    private static final java.util.Map<String, String[]> SUMMARY_KEYS = java.util.Map.ofEntries(
            java.util.Map.entry("channel", new String[] {"case.channel", "channel"}),
            java.util.Map.entry("urgency", new String[] {"case.urgency", "urgency"}),
            java.util.Map.entry("level", new String[] {"case.riskLevel", "risk"}),
            java.util.Map.entry("outcome", new String[] {"closure.outcome", "outcome"}),
            java.util.Map.entry("scope", new String[] {"escalation.scope", "scope"}),
            java.util.Map.entry("decision", new String[] {"reassessment.decision", "decision"}),
            java.util.Map.entry("status", new String[] {"plan.status", "measureStatus"}),
            java.util.Map.entry("documents", new String[] {"relocation.documents", "documents"}),
            java.util.Map.entry("destination", new String[] {"relocation.destination", "country"}),
            java.util.Map.entry("category", new String[] {"grant.category", "grantCategory"}),
            java.util.Map.entry("verified", new String[] {"verification.verified", "yesNo"}),
            java.util.Map.entry("eligible", new String[] {"triage.eligible", "yesNo"}));

    /** A calendar day in the reader's format. */
    public String day(java.time.LocalDate date) {
        return date == null ? null : day.format(date);
    }

    /** An amount with two decimals in the reader's format, then the currency's code ("1,200.00 EUR", « 1 200,00 EUR »). */
    public String money(java.math.BigDecimal value, String currency) {
        if (value == null) {
            return null;
        }
        synchronized (amount) {
            return amount.format(value) + (currency == null || currency.isBlank() ? "" : " " + currency);
        }
    }

    /**
     * The locale that formats dates and numbers: Arabic with Western digits, as references, phone numbers, amounts on
     * receipts and the rest of the case file are written (the JDK's Arabic default mixes Arabic-Indic digits for
     * numbers with Western ones for dates).
     */
    private static Locale digits(Locale locale) {
        return "ar".equals(locale.getLanguage())
                ? new Locale.Builder().setLocale(locale).setUnicodeLocaleKeyword("nu", "latn").build() : locale;
    }
}
