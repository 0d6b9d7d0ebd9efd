package org.continuum.platform.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsTest {

    private static final Duration FALLBACK = Duration.ofMinutes(5);

    @Test
    void anIsoDurationIsTakenAsWritten() {
        assertThat(Settings.duration(" PT3M ", "x", FALLBACK)).isEqualTo(Duration.ofMinutes(3));
        assertThat(Settings.duration("P1DT2H", "x", FALLBACK)).isEqualTo(Duration.ofHours(26));
    }

    @Test
    void missingBlankUnreadableZeroOrNegativeSettingsFallBackToTheDefault() {
        for (String value : new String[]{null, "", "  ", "5 minutes", "PT0S", "-PT5M"}) {
            assertThat(Settings.duration(value, "x", FALLBACK)).as(String.valueOf(value)).isEqualTo(FALLBACK);
        }
    }

    @Test
    void thePropertyIsReadAtEachUse() {
        String name = "continuum.test.settings." + System.nanoTime();
        assertThat(Settings.duration(name, FALLBACK)).isEqualTo(FALLBACK);
        System.setProperty(name, "PT40S");
        try {
            assertThat(Settings.duration(name, FALLBACK)).isEqualTo(Duration.ofSeconds(40));
        } finally {
            System.clearProperty(name);
        }
    }
}
