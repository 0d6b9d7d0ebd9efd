package org.continuum.relocation;

import org.continuum.relocation.entity.ChecklistItem;
import org.continuum.relocation.entity.CountryFact;
import org.continuum.relocation.entity.CountryProfile;
import org.continuum.relocation.entity.Programme;
import org.continuum.seed.control.RouteReference;
import org.continuum.seed.control.SeedError;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped country profiles and programmes are valid; a broken line is reported with its file, line and column. */
class RouteReferenceTest {

    private static InputStream shipped(String path) {
        return RouteReferenceTest.class.getClassLoader().getResourceAsStream("seeds/reference/" + path);
    }

    private static InputStream text(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static Set<String> shippedPartners() throws Exception {
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(shipped("partners.csv"),
                StandardCharsets.UTF_8)).lines()) {
            return lines.filter(l -> !l.startsWith("#") && !l.startsWith("code,"))
                    .map(l -> l.substring(0, l.indexOf(','))).collect(Collectors.toSet());
        }
    }

    @Test
    void shippedProfilesCoverTheDemoAndPartnerCountriesEachFactWithASource() {
        List<CountryProfile> profiles = RouteReference.readProfiles(shipped("countries.csv"));
        Set<String> codes = profiles.stream().map(CountryProfile::getCode).collect(Collectors.toSet());
        assertThat(codes).as("demo cases and partner list").contains("RU", "LB", "JO", "DZ", "GE", "MD", "NG", "BI",
                "FR");
        List<CountryFact> facts = RouteReference.readFacts(shipped("country-facts.csv"), codes);
        assertThat(facts.stream().map(CountryFact::getCountry).collect(Collectors.toSet())).containsAll(codes);
        assertThat(facts).allSatisfy(f -> {
            assertThat(f.getSource()).isNotBlank();
            assertThat(f.getCheckedOn()).isNotNull();
        });
        assertThat(facts).anyMatch(f -> f.getCountry().equals("RU") && f.getFact().contains("extremist"));
    }

    @Test
    void atLeastTenShippedProgrammesWithTheirSourcesAndReferrers() throws Exception {
        List<Programme> programmes = RouteReference.readProgrammes(shipped("programmes.csv"), shippedPartners());
        assertThat(programmes).hasSizeGreaterThanOrEqualTo(10);
        assertThat(programmes).allSatisfy(p -> {
            assertThat(p.getSource()).isNotBlank();
            assertThat(p.getChecklist()).isNotEmpty();
        });
        Programme canada = programmes.stream().filter(p -> p.getCode().equals("canada-hrd-stream")).findFirst()
                .orElseThrow();
        assertThat(canada.getPlacesPerYear()).isEqualTo(500);
        assertThat(canada.getOurPlacesPerYear()).isEqualTo(125);
        assertThat(canada.getReferredThrough()).containsExactly("unhcr", "front-line-defenders", "protectdefenders-eu");
        assertThat(canada.getChecklist()).contains(ChecklistItem.DEFENDER_AT_RISK, ChecklistItem.WANTS_RESETTLEMENT);
        assertThat(canada.getNotFitting()).contains("will not be contacted");
        assertThat(programmes.stream().map(Programme::getKind).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Programme.Kind.values());
    }

    @Test
    void everyProblemOfAProgrammesFileIsReportedWithLineAndColumn() {
        String header = "code,name,kind,destinations,referred_through,checklist,places_per_year,our_places_per_year,"
                + "required_documents,processing_days,stay_months,not_fitting,source,checked_on\n";
        String csv = header
                + "ok,Fine,HUMANITARIAN_VISA,FR,direct,HAS_VALID_PASSPORT,,,passport,60,,,https://x.test,2026-01-01\n"
                + "bad,Bad,SHELTER,XX,nobody,FLYING,10,20,Passport,0,,,,2026-13-01\n"
                + "tmp,Stay,TEMPORARY_RELOCATION,NL,direct,WILL_RETURN,,,,30,,,https://y.test,2026-01-01\n";
        assertThatThrownBy(() -> RouteReference.readProgrammes(text(csv), Set.of("unhcr")))
                .isInstanceOf(SeedError.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .contains("line 2, column 'kind': 'SHELTER' is not one of")
                        .contains("line 2, column 'destinations': 'XX' is not an ISO 3166 country code")
                        .contains("line 2, column 'referred_through': 'nobody' is neither \"direct\" nor a partner")
                        .contains("line 2, column 'checklist': 'FLYING' is not one of")
                        .contains("line 2, column 'our_places_per_year': 20 is more than the programme's 10")
                        .contains("line 2, column 'required_documents': document 'Passport' must be a lower-case")
                        .contains("line 2, column 'processing_days': '0' must be between 1 and 730")
                        .contains("line 2, column 'source': is required")
                        .contains("line 2, column 'checked_on': '2026-13-01' is not a date")
                        .contains("line 3, column 'stay_months': is required for a temporary relocation")
                        .doesNotContain("line 1,"));
    }

    @Test
    void aFactForACountryWithoutProfileOrFromTheFutureIsRefused() {
        String csv = "country,topic,fact,source,checked_on\n"
                + "RU,LGBTQIA_LAW,A fact,https://x.test,2026-01-01\n"
                + "PL,LGBTQIA_LAW,A fact,https://x.test,2026-01-01\n"
                + "RU,RUMOUR,,https://x.test,2999-01-01\n";
        assertThatThrownBy(() -> RouteReference.readFacts(text(csv), Set.of("RU")))
                .isInstanceOf(SeedError.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .contains("line 2, column 'country': 'PL' has no line in countries.csv")
                        .contains("line 3, column 'fact': is required")
                        .contains("line 3, column 'topic': 'RUMOUR' is not one of")
                        .contains("line 3, column 'checked_on': '2999-01-01' is in the future"));
    }
}
