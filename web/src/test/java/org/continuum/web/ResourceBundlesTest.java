package org.continuum.web;

import org.continuum.casefile.control.TaskKind;
import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.Channel;
import org.continuum.casefile.entity.Outcome;
import org.continuum.casefile.entity.Phase;
import org.continuum.casefile.entity.RelocationScope;
import org.continuum.casefile.entity.RequestType;
import org.continuum.casefile.entity.RiskLevel;
import org.continuum.casefile.entity.SharedField;
import org.continuum.casefile.entity.Urgency;
import org.continuum.intake.entity.MailIntake;
import org.continuum.notification.entity.NotificationKind;
import org.continuum.notification.entity.NotificationStatus;
import org.continuum.protection.entity.MeasureStatus;
import org.continuum.reference.entity.Partner;
import org.continuum.reference.entity.Situation;
import org.continuum.referral.entity.ReferralOutcome;
import org.continuum.referral.entity.ReferralStatus;
import org.continuum.safeplace.entity.SafePlaceKind;
import org.continuum.safeplace.entity.Vetting;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every key the pages and the domain use is defined (in English; BundlesTest keeps every language's keys the same as
 * English's).
 */
class ResourceBundlesTest {

    private static Properties bundle(String language) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ResourceBundlesTest.class.getResourceAsStream(
                "/org/continuum/i18n/messages_" + language + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyKeyUsedByThePagesIsDefined() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern literal = Pattern.compile("msg\\['([a-zA-Z0-9_.]+)'\\]");
        try (Stream<Path> pages = Files.walk(Path.of("src/main/webapp"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                Matcher m = literal.matcher(Files.readString(page));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(50);
        assertThat(bundle("en").stringPropertyNames()).containsAll(used);
    }

    @Test
    void everyEnumShownInThePagesHasALabel() throws IOException {
        Set<String> keys = bundle("en").stringPropertyNames();
        for (Enum<?> e : concat(Phase.values(), Urgency.values())) {
            assertThat(keys).contains(e.getDeclaringClass().getSimpleName().toLowerCase() + "." + e.name());
        }
        for (var r : RiskLevel.values()) {
            assertThat(keys).contains("risk." + r.name());
        }
        for (var o : Outcome.values()) {
            assertThat(keys).contains("outcome." + o.name());
        }
        for (var k : CaseEventKind.values()) {
            assertThat(keys).contains("event." + k.name());
        }
        for (var m : MeasureStatus.values()) {
            assertThat(keys).contains("measureStatus." + m.name());
        }
        for (var t : TaskKind.values()) {
            assertThat(keys).contains("task." + t.definitionKey());
        }
        for (var s : RelocationScope.values()) {
            assertThat(keys).contains("scope." + s.name());
        }
        for (Situation s : Situation.values()) {
            assertThat(keys).contains("situation." + s.name());
        }
        for (RequestType r : RequestType.values()) {
            assertThat(keys).contains("requestType." + r.name());
        }
        for (Channel c : Channel.values()) {
            assertThat(keys).contains("channel." + c.name());
        }
        labelled(keys, "sharedField.", SharedField.values());
        labelled(keys, "referralStatus.", ReferralStatus.values());
        labelled(keys, "referralOutcome.", ReferralOutcome.values());
        labelled(keys, "partnerKind.", Partner.Kind.values());
        labelled(keys, "safePlaceKind.", SafePlaceKind.values());
        labelled(keys, "vetting.", Vetting.values());
        labelled(keys, "notificationKind.", NotificationKind.values());
        labelled(keys, "notificationStatus.", NotificationStatus.values());
        labelled(keys, "mailStatus.", MailIntake.Status.values());
        for (String reason : quarantineReasons()) {
            assertThat(keys).contains("quarantine." + reason);
        }
    }

    /** Every quarantine reason the intake parser can give (read from its source, like the domain keys). */
    private static Set<String> quarantineReasons() throws IOException {
        Set<String> reasons = new TreeSet<>();
        Matcher m = Pattern.compile("(?:Refused|Parsed)\\(\"([a-z]+\\.[a-zA-Z]+)\"").matcher(Files.readString(
                Path.of("../ejb/src/main/java/org/continuum/intake/control/MailParser.java")));
        while (m.find()) {
            reasons.add(m.group(1));
        }
        reasons.add("message.tooLarge");
        assertThat(reasons).contains("html.active", "sender.multiple", "mime.malformed");
        return reasons;
    }

    private static void labelled(Set<String> keys, String prefix, Enum<?>[] values) {
        for (Enum<?> value : values) {
            assertThat(keys).contains(prefix + value.name());
        }
    }

    @Test
    void everyMessageKeyThrownByTheDomainIsTranslated() throws IOException {
        Set<String> keys = bundle("en").stringPropertyNames();
        Pattern thrown = Pattern.compile("\"((?:intake|triage|case|task|referral|partner|safePlace|measure|consent|plan|outbox|user|mailIntake|export|report)\\.[a-zA-Z.]+)\"");
        Set<String> domainKeys = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("../ejb/src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = thrown.matcher(Files.readString(source));
                while (m.find()) {
                    String key = m.group(1);
                    if (!key.endsWith(".")) {
                        domainKeys.add(key);
                    }
                }
            }
        }
        // Field names such as "intake.legalName" are prefixes: the domain appends ".required", ".tooLong"...
        domainKeys.removeIf(key -> keys.stream().anyMatch(k -> k.startsWith(key + ".")));
        assertThat(domainKeys).contains("intake.consent.required", "triage.reason.required");
        assertThat(keys).containsAll(domainKeys);
        for (String field : new String[]{"intake.pseudonym", "intake.legalName", "intake.contact", "intake.location",
                "triage.note"}) {
            assertThat(keys).contains(field + ".tooLong", field + ".invalidCharacters");
        }
    }

    private static Enum<?>[] concat(Enum<?>[] a, Enum<?>[] b) {
        Enum<?>[] all = new Enum<?>[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
