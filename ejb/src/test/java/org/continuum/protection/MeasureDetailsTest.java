package org.continuum.protection;

import org.continuum.protection.entity.MeasureStatus;
import org.continuum.protection.entity.ProtectionMeasure;
import org.continuum.reference.entity.MeasureType;
import org.continuum.safeplace.entity.SafePlace;
import org.continuum.safeplace.entity.SafePlaceKind;
import org.continuum.safeplace.entity.Vetting;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A measure's details: rated only once tried, dates in order, safe places only on safe-place measures. */
class MeasureDetailsTest {

    static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    static ProtectionMeasure measure(String code) {
        return new ProtectionMeasure(1L, new MeasureType(code, code.equals("safe-place") ? 4 : 1, 10, code, code, null,
                null), "sofia", NOW);
    }

    @Test
    void aMeasureIsRatedOnlyOnceTriedAndItsDatesAreInOrder() {
        ProtectionMeasure m = measure("security-mentoring");
        assertThatThrownBy(() -> m.describe(null, null, null, null, 4, NOW)).hasMessage("measure.effectiveness.notTried");
        m.update(MeasureStatus.DONE, "sofia", null, NOW);
        assertThatThrownBy(() -> m.describe(null, null, null, null, 6, NOW)).hasMessage("measure.effectiveness.range");
        assertThatThrownBy(() -> m.describe(null, LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 1), null, null,
                NOW)).hasMessage("measure.dates.order");
        m.describe(null, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 20), "Weekly sessions held", 4, NOW);
        assertThat(m.getEffectiveness()).isEqualTo(4);
        assertThat(m.getOutcome()).isEqualTo("Weekly sessions held");
    }

    @Test
    void onlySafePlaceMeasuresTakeAVettedPlace() {
        SafePlace vetted = new SafePlace(new SafePlace.Details("Mairie annexe", SafePlaceKind.PUBLIC_SERVICE, "FR",
                "Lyon 1er", "1 place Exemple", null, null, Vetting.VETTED, LocalDate.of(2026, 9, 1), true, 3, null,
                true), "admin", NOW);
        SafePlace pending = new SafePlace(new SafePlace.Details("Café", SafePlaceKind.BUSINESS, "FR", "Lyon 2e",
                "2 rue Exemple", null, null, Vetting.PENDING, null, false, 1, null, true), "admin", NOW);
        assertThatThrownBy(() -> measure("legal-support").atSafePlace(vetted))
                .hasMessage("measure.safePlace.wrongType");
        assertThatThrownBy(() -> measure("safe-place").atSafePlace(pending)).hasMessage("safePlace.notOffered");
        ProtectionMeasure m = measure("safe-place");
        m.atSafePlace(vetted);
        assertThat(m.getSafePlace()).isSameAs(vetted);
    }
}
