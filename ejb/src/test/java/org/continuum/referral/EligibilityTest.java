package org.continuum.referral;

import org.continuum.casefile.entity.RequestType;
import org.continuum.reference.entity.Situation;
import org.continuum.reference.entity.Partner;
import org.continuum.referral.control.Eligibility;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Partner suggestions: which stated rules a case meets or misses, one row per rule. */
class EligibilityTest {

    static final Eligibility.Profile DEFENDER_IN_RUSSIA = new Eligibility.Profile(Situation.IN_COUNTRY_OF_DANGER, "RU",
            List.of("ru", "en"), RequestType.EMERGENCY_AID, true);

    static Eligibility.Hint hint(Partner.Rules rules, List<String> languages, List<String> services,
                                 Eligibility.Profile profile) {
        return Eligibility.of(rules, languages, services, profile);
    }

    @Test
    void aPartnerForPeopleTargetedForTheirWorkFitsADefenderWhoIs() {
        Partner.Rules onlyTargeted = new Partner.Rules(List.of(), List.of(), true, 7);
        Eligibility.Hint fits = hint(onlyTargeted, List.of("en", "ar", "ru"), List.of("protection-grants", "advocacy"),
                DEFENDER_IN_RUSSIA);
        assertThat(fits.eligible()).isTrue();
        assertThat(fits.suggested()).as("offers the grant the request asks for").isTrue();
        assertThat(fits.matches()).contains("referral.hint.targeted", "referral.hint.language:ru, en",
                "referral.hint.service:protection-grants");

        Eligibility.Hint unknown = hint(onlyTargeted, List.of("ru"), List.of("protection-grants"),
                new Eligibility.Profile(Situation.IN_COUNTRY_OF_DANGER, "RU", List.of("ru"), RequestType.EMERGENCY_AID,
                        null));
        assertThat(unknown.eligible()).isFalse();
        assertThat(unknown.problems()).containsExactly("referral.hint.targeted.unknown");

        Eligibility.Hint not = hint(onlyTargeted, List.of("ru"), List.of("protection-grants"),
                new Eligibility.Profile(Situation.IN_COUNTRY_OF_DANGER, "RU", List.of("ru"), RequestType.EMERGENCY_AID,
                        false));
        assertThat(not.problems()).containsExactly("referral.hint.targeted.no");
    }

    @Test
    void countrySituationAndLanguageRulesEachExcludeOnTheirOwn() {
        Partner.Rules russiaOnly = new Partner.Rules(List.of(), List.of("RU"), false, 7);
        assertThat(hint(russiaOnly, List.of("ru"), List.of("community-support"), DEFENDER_IN_RUSSIA).eligible())
                .isTrue();
        Eligibility.Profile inNigeria = new Eligibility.Profile(Situation.IN_COUNTRY_OF_DANGER, "NG", List.of("en"),
                RequestType.LEGAL_SUPPORT, false);
        assertThat(hint(russiaOnly, List.of("ru", "en"), List.of("legal-support"), inNigeria).problems())
                .containsExactly("referral.hint.country.no");

        Partner.Rules refugeesOnly = new Partner.Rules(List.of("ASYLUM_SEEKER", "RECOGNISED_REFUGEE"), List.of(),
                false, 30);
        assertThat(hint(refugeesOnly, List.of("ru", "en"), List.of("resettlement"), DEFENDER_IN_RUSSIA).problems())
                .containsExactly("referral.hint.situation.no");
        Eligibility.Profile refugee = new Eligibility.Profile(Situation.RECOGNISED_REFUGEE, "TR", List.of("fa"),
                RequestType.RELOCATION, false);
        Eligibility.Hint noLanguage = hint(refugeesOnly, List.of("en", "fr"), List.of("resettlement"), refugee);
        assertThat(noLanguage.matches()).contains("referral.hint.situation", "referral.hint.service:resettlement");
        assertThat(noLanguage.problems()).containsExactly("referral.hint.language.no");
        assertThat(noLanguage.suggested()).isFalse();
    }

    @Test
    void anOpenPartnerIsEligibleButOnlySuggestedWhenItOffersWhatIsAsked() {
        Eligibility.Hint open = hint(Partner.Rules.open(), List.of("en", "ru"), List.of("mobilisation", "petitions"),
                DEFENDER_IN_RUSSIA);
        assertThat(open.eligible()).isTrue();
        assertThat(open.suggested()).isFalse();
        assertThat(open.problems()).isEmpty();
    }
}
