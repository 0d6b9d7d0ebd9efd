package org.continuum.platform.control;

import org.continuum.casefile.entity.CaseEventKind;
import org.continuum.casefile.entity.Channel;
import org.continuum.casefile.entity.ConsentPurpose;
import org.continuum.casefile.entity.Phase;
import org.continuum.casefile.entity.RelocationScope;
import org.continuum.casefile.entity.RequestType;
import org.continuum.casefile.entity.RiskLevel;
import org.continuum.casefile.entity.SharedField;
import org.continuum.casefile.entity.Urgency;
import org.continuum.grant.entity.DecisionKind;
import org.continuum.grant.entity.DisbursementMethod;
import org.continuum.grant.entity.GrantCategory;
import org.continuum.grant.entity.GrantStatus;
import org.continuum.protection.entity.MeasureStatus;
import org.continuum.reference.entity.Situation;
import org.continuum.referral.entity.ReferralOutcome;
import org.continuum.referral.entity.ReferralStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Documents speak the reader's words: every code a document prints has a label in every staff language. */
class LabelsTest {

    /** Each prefix of the bundle with the codes documents print under it. */
    static final Map<String, List<?>> PRINTED = Map.ofEntries(
            Map.entry("phase", List.of(Phase.values())),
            Map.entry("situation", List.of(Situation.values())),
            Map.entry("requestType", List.of(RequestType.values())),
            Map.entry("urgency", List.of(Urgency.values())),
            Map.entry("risk", List.of(RiskLevel.values())),
            Map.entry("scope", List.of(RelocationScope.values())),
            Map.entry("consentPurpose", List.of(ConsentPurpose.values())),
            Map.entry("channel", List.of(Channel.values())),
            Map.entry("sharedField", List.of(SharedField.values())),
            Map.entry("measureStatus", List.of(MeasureStatus.values())),
            Map.entry("step", List.of(1, 2, 3, 4, 5)),
            Map.entry("referralStatus", List.of(ReferralStatus.values())),
            Map.entry("referralOutcome", List.of(ReferralOutcome.values())),
            Map.entry("grantCategory", List.of(GrantCategory.values())),
            Map.entry("grantStatus", List.of(GrantStatus.values())),
            Map.entry("decisionKind", List.of(DecisionKind.values())),
            Map.entry("disbursementMethod", List.of(DisbursementMethod.values())),
            Map.entry("event", List.of(CaseEventKind.values())));

    @Test
    void everyPrintedCodeHasALabelInEveryStaffLanguage() {
        for (String language : List.of("en", "fr")) {
            Labels labels = Labels.of(language);
            List<String> missing = new ArrayList<>();
            PRINTED.forEach((prefix, codes) -> codes.stream().filter(code -> !labels.has(prefix, code))
                    .forEach(code -> missing.add(prefix + "." + code)));
            assertThat(missing).as("codes without a label in " + language).isEmpty();
        }
    }

    @Test
    void codesBecomeWordsCountriesAndLanguagesNamesDatesTheReadersFormat() {
        Labels en = Labels.of("en");
        assertThat(en.of("phase", Phase.TRIAGE)).isEqualTo("Triage and verification");
        assertThat(en.of("situation", Situation.IN_COUNTRY_OF_DANGER)).isEqualTo("Still in the country of danger");
        assertThat(en.country("LB")).isEqualTo("Lebanon");
        assertThat(en.languages(List.of("ar", "ru"))).isEqualTo("Arabic, Russian");
        Labels fr = Labels.of("fr");
        assertThat(fr.of("phase", Phase.TRIAGE)).isEqualTo("Tri et vérification");
        assertThat(fr.country("LB")).isEqualTo("Liban");
        assertThat(fr.languages(List.of("ar"))).isEqualTo("arabe");
        Instant moment = Instant.parse("2026-03-05T14:30:00Z");
        assertThat(en.when(moment)).contains("Mar 5, 2026").endsWith("UTC");
        assertThat(fr.when(moment)).contains("5 mars 2026").endsWith("UTC");
        assertThat(Labels.of("ar").when(moment)).as("Arabic, Western digits").contains("2026").endsWith("UTC");
        assertThat(en.summary("channel=PARTNER_REFERRAL urgency=HIGH duplicate=NEW destination=DE verified=true"))
                .isEqualTo("Channel: Partner referral · Urgency: High · duplicate=NEW · Destination country: Germany"
                        + " · Identity and story verified?: Yes");
        assertThat(Labels.of("ar").summary("urgency=HIGH")).isEqualTo("الاستعجال: مرتفع");
        assertThat(en.money(new java.math.BigDecimal("1200.5"), "EUR")).isEqualTo("1,200.50 EUR");
        assertThat(fr.money(new java.math.BigDecimal("1200.5"), "EUR")).matches("1[\\s\\u00a0\\u202f]200,50 EUR");
        assertThat(Labels.of("ar").money(new java.math.BigDecimal("1200.5"), "USD")).isEqualTo("1,200.50 USD")
                .doesNotContain("١");
        assertThat(en.of("phase", "NOT_A_PHASE")).as("an unknown code is printed as it is").isEqualTo("NOT_A_PHASE");
        assertThat(en.country("XK")).isNotBlank();
    }
}
