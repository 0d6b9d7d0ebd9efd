package org.continuum.safeplace;

import org.continuum.safeplace.entity.SafePlace;
import org.continuum.safeplace.entity.SafePlaceKind;
import org.continuum.safeplace.entity.Vetting;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A safe place's own rules: vetting with a date, capacity bounds, area search key in any script. */
class SafePlaceTest {

    static SafePlace.Details details(Vetting vetting, LocalDate vettedOn, int capacity) {
        return new SafePlace.Details("Librairie des Canuts", SafePlaceKind.BUSINESS, "FR", "Lyon  1er",
                "12 rue Exemple, 69001 Lyon", null, "Mon-Sat 09:00-19:00", vetting, vettedOn, true, capacity, null,
                true);
    }

    @Test
    void onlyVettedActivePlacesAreOffered() {
        Instant now = Instant.parse("2026-11-24T09:00:00Z");
        assertThat(new SafePlace(details(Vetting.PENDING, null, 2), "admin", now).isOffered()).isFalse();
        SafePlace vetted = new SafePlace(details(Vetting.VETTED, LocalDate.of(2026, 10, 1), 2), "admin", now);
        assertThat(vetted.isOffered()).isTrue();
        assertThatThrownBy(() -> new SafePlace(details(Vetting.VETTED, null, 2), "admin", now))
                .hasMessage("safePlace.vettedOn.required");
        assertThatThrownBy(() -> new SafePlace(details(Vetting.PENDING, null, -1), "admin", now))
                .hasMessage("safePlace.capacity.range");
    }

    @Test
    void areasAreSearchedCaseAndSpaceInsensitivelyInAnyScript() {
        assertThat(SafePlace.key("Lyon  1ER ")).isEqualTo("lyon 1er");
        assertThat(SafePlace.key("САНКТ-ПЕТЕРБУРГ")).isEqualTo("санкт-петербург");
        assertThat(SafePlace.key("ﺑﻴﺮﻭﺕ")).as("Arabic presentation forms fold to letters").isEqualTo("بيروت");
    }
}
