package org.continuum.platform.control;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bundle family (pages, mails, documents) has one file per interface language and no default file: the same
 * keys in every language, no empty text, the same placeholders, and the Arabic files really in Arabic.
 */
class BundlesTest {

    static final List<String> FAMILIES = List.of("org/continuum/i18n/messages", "org/continuum/notification/mail",
            "org/continuum/document/dossier");
    private static final Pattern PLACEHOLDER = Pattern.compile("%[s%]");
    private static final Pattern ARABIC_LETTER = Pattern.compile("\\p{InArabic}");

    private static Properties read(String path) throws IOException {
        try (InputStream in = BundlesTest.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    @Test
    void everyLanguageHasEveryKeyWithItsPlaceholdersAndNoFamilyHasADefaultFile() throws IOException {
        for (String family : FAMILIES) {
            assertThat(read(family + ".properties") == null).as(family + ": English lives in _en only").isTrue();
            Properties english = read(family + "_en.properties");
            assertThat(english).as(family + "_en").isNotNull();
            for (String language : Bundles.LANGUAGES) {
                Properties words = read(family + "_" + language + ".properties");
                assertThat(words).as(family + "_" + language).isNotNull();
                assertThat(words.stringPropertyNames()).as(family + "_" + language + " keys")
                        .isEqualTo(english.stringPropertyNames());
                List<String> wrong = new ArrayList<>();
                for (String key : english.stringPropertyNames()) {
                    String text = words.getProperty(key);
                    if (text.isBlank() || !placeholders(text).equals(placeholders(english.getProperty(key)))) {
                        wrong.add(key);
                    }
                }
                assertThat(wrong).as(family + "_" + language + ": empty or placeholders differ").isEmpty();
            }
        }
    }

    @Test
    void thePublicPagesSpeakNineLanguagesWithTheSameKeysAndNoneIsLeftInEnglish() throws IOException {
        String family = Bundles.PUBLIC.replace('.', '/');
        assertThat(read(family + ".properties")).isNull();
        Properties english = read(family + "_en.properties");
        assertThat(english.stringPropertyNames()).contains("exit", "send", "sent.code", "request.busy");
        for (String language : Bundles.PUBLIC_LANGUAGES) {
            Properties words = read(family + "_" + language + ".properties");
            assertThat(words).as(language).isNotNull();
            assertThat(words.stringPropertyNames()).as(language + " keys").isEqualTo(english.stringPropertyNames());
            assertThat(words.values()).as(language + ": no empty text").noneMatch(v -> v.toString().isBlank());
            if (!language.equals("en")) {
                long same = english.stringPropertyNames().stream()
                        .filter(k -> english.getProperty(k).equals(words.getProperty(k))).count();
                // Only words that are the same in both ("Contact", "Messages" in French) may stay as in English.
                assertThat(same).as(language + ": texts still in English").isLessThanOrEqualTo(2);
            }
        }
        for (String rtl : List.of("ar", "fa")) {
            Properties words = read(family + "_" + rtl + ".properties");
            assertThat(words.values()).as(rtl).allMatch(v -> ARABIC_LETTER.matcher(v.toString()).find());
            assertThat(Bundles.isRightToLeft(rtl)).isTrue();
        }
        assertThat(Bundles.publicLanguage(null, List.of(java.util.Locale.forLanguageTag("de-DE"),
                java.util.Locale.forLanguageTag("fa-IR")))).isEqualTo("fa");
        assertThat(Bundles.publicLanguage("sw", List.of(java.util.Locale.FRENCH))).isEqualTo("sw");
        assertThat(Bundles.publicLanguage("xx", List.of())).isEqualTo("en");
        assertThat(Bundles.loadPublic("ru").getString("send")).isEqualTo("Отправить запрос");
    }

    @Test
    void theArabicFilesAreWrittenInArabic() throws IOException {
        for (String family : FAMILIES) {
            Properties arabic = read(family + "_ar.properties");
            long inArabic = arabic.values().stream().filter(v -> ARABIC_LETTER.matcher(v.toString()).find()).count();
            // Only texts made of a placeholder and punctuation ("[Continuum] %s: %s") may do without an Arabic letter.
            assertThat(inArabic).as(family).isGreaterThanOrEqualTo(arabic.size() - 1L);
        }
        assertThat(read("org/continuum/i18n/messages_ar.properties").getProperty("case.legalName"))
                .isEqualTo("الاسم القانوني");
    }

    @Test
    void aReaderWhoseLanguageHasNoFileReadsEnglishWhateverTheServerLocale() {
        java.util.Locale server = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.FRENCH);
            assertThat(Bundles.load(Labels.BUNDLE, "en").getString("case.legalName")).isEqualTo("Legal name");
            assertThat(Bundles.load(Labels.BUNDLE, "de").getString("case.legalName")).isEqualTo("Legal name");
            assertThat(Bundles.load(Labels.BUNDLE, (String) null).getString("case.legalName")).isEqualTo("Legal name");
            assertThat(Bundles.load(Labels.BUNDLE, "ar").getString("case.legalName")).isEqualTo("الاسم القانوني");
            assertThat(Bundles.load(Labels.BUNDLE, "fr-CA").getString("case.legalName")).isEqualTo("Nom légal");
        } finally {
            java.util.Locale.setDefault(server);
        }
        assertThat(Bundles.supported("ar-LB")).isEqualTo("ar");
        assertThat(Bundles.supported("sw")).isEqualTo("en");
        assertThat(Bundles.isRightToLeft("ar")).isTrue();
        assertThat(Bundles.isRightToLeft("fr")).isFalse();
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
