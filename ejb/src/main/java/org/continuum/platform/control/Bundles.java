package org.continuum.platform.control;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Loads a resource bundle in a reader's language, the one way every page, mail and document does it. Each bundle
 * family has one file per language ({@code _en}, {@code _fr}, {@code _ar}) and no default file, so that English is a
 * language like the others; a reader whose language has no file reads English. The server's own locale never plays
 * a part (the JDK's default lookup would otherwise hand a French server's French to an English reader).
 */
public final class Bundles {

    /** The languages of the staff interface, in the order the language menu lists them. */
    public static final List<String> LANGUAGES = List.of("en", "fr", "ar");

    /**
     * The languages of the public request form and receipt page (bundle {@link #PUBLIC}): people at risk write in
     * more languages than staff read, so these pages speak more than the staff interface.
     */
    public static final List<String> PUBLIC_LANGUAGES = List.of("en", "fr", "ar", "ru", "es", "fa", "tr", "pt", "sw");

    /** The bundle of the public pages. */
    public static final String PUBLIC = "org.continuum.i18n.request";

    /** Languages written right to left. */
    private static final List<String> RIGHT_TO_LEFT = List.of("ar", "fa", "he", "ur");

    private static final ResourceBundle.Control EXACT =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Bundles() {
    }

    /** {@code base} in the reader's language ("en", "fr", "ar"; anything else, blank or null reads English). */
    public static ResourceBundle load(String base, String languageTag) {
        return load(base, Locale.forLanguageTag(languageTag == null || languageTag.isBlank() ? "en" : languageTag));
    }

    public static ResourceBundle load(String base, Locale locale) {
        String language = locale == null ? "en" : locale.getLanguage();
        try {
            return ResourceBundle.getBundle(base, Locale.forLanguageTag(
                    LANGUAGES.contains(language) ? language : "en"), EXACT);
        } catch (MissingResourceException notTranslated) {
            return ResourceBundle.getBundle(base, Locale.ENGLISH, EXACT);
        }
    }

    /** The supported language closest to {@code languageTag}: itself when supported, else English. */
    public static String supported(String languageTag) {
        String language = languageTag == null ? "" : Locale.forLanguageTag(languageTag).getLanguage();
        return LANGUAGES.contains(language) ? language : "en";
    }

    /** The public pages' bundle in {@code language}, one of {@link #PUBLIC_LANGUAGES} (else English). */
    public static ResourceBundle loadPublic(String language) {
        return ResourceBundle.getBundle(PUBLIC, Locale.forLanguageTag(
                PUBLIC_LANGUAGES.contains(language) ? language : "en"), EXACT);
    }

    /**
     * The public language for a request: the one the person picked ({@code chosen}), else the first of the browser's
     * preferred languages the public pages speak, else English.
     */
    public static String publicLanguage(String chosen, Iterable<Locale> preferred) {
        if (chosen != null && PUBLIC_LANGUAGES.contains(chosen)) {
            return chosen;
        }
        if (preferred != null) {
            for (Locale locale : preferred) {
                if (PUBLIC_LANGUAGES.contains(locale.getLanguage())) {
                    return locale.getLanguage();
                }
            }
        }
        return "en";
    }

    public static boolean isRightToLeft(String languageTag) {
        return languageTag != null && RIGHT_TO_LEFT.contains(Locale.forLanguageTag(languageTag).getLanguage());
    }
}
