package org.continuum.seed.control;

import org.continuum.casefile.control.CaseWorkflow.WaitState;
import org.continuum.casefile.entity.Phase;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DataGeneratorTest {

    @Test
    void twoHundredCaseFilesCoverEveryPhaseAndMostAreClosedOrMonitored() {
        List<WaitState> states = DataGenerator.states(200, 2026L);

        assertThat(states).hasSize(200);
        Set<Phase> phases = states.stream().map(WaitState::phase).collect(Collectors.toCollection(
                () -> EnumSet.noneOf(Phase.class)));
        assertThat(phases).containsAll(EnumSet.complementOf(EnumSet.of(Phase.INTAKE)));
        assertThat(states.stream().filter(WaitState::isEnd).count()).isBetween(100L, 130L);
        assertThat(states.stream().filter(s -> s == WaitState.MONITORING).count()).isBetween(35L, 45L);
    }

    @Test
    void theSameSeedGivesTheSameOrganisation() {
        assertThat(DataGenerator.states(1000, 7L)).isEqualTo(DataGenerator.states(1000, 7L))
                .isNotEqualTo(DataGenerator.states(1000, 8L));
        assertThat(DataGenerator.states(100_000, 7L)).hasSize(100_000);
        assertThat(DataGenerator.states(3, 7L)).hasSize(3);
    }

    @Test
    void inventedPeopleCarryNamesInSeveralScriptsAndValidCountries() {
        Random random = new Random(1);
        Set<Character.UnicodeScript> scripts = EnumSet.noneOf(Character.UnicodeScript.class);
        for (int i = 0; i < 300; i++) {
            SyntheticPeople.Person person = SyntheticPeople.draw(random, i);
            scripts.add(Character.UnicodeScript.of(person.legalName().codePointAt(0)));
            assertThat(java.util.Locale.getISOCountries()).contains(person.country());
            assertThat(person.pseudonym()).endsWith("-" + i);
            assertThat(person.languages()).isNotEmpty();
        }
        assertThat(scripts).contains(Character.UnicodeScript.LATIN, Character.UnicodeScript.CYRILLIC,
                Character.UnicodeScript.ARABIC);
    }

    @Test
    void neighbouringCaseNumbersDrawTeamsEvenly() {
        int first = 0;
        for (long number = 1; number <= 200; number++) {
            if (new Random(GeneratedCases.mixed(2026L * 1_000_003L + number)).nextInt(2) == 0) {
                first++;
            }
        }
        assertThat(first).isBetween(70, 130);
    }
}
