package org.continuum.identity.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LiveSessionFilterTest {

    private static final Instant LOGIN = Instant.parse("2026-11-30T08:00:00Z");

    @AfterEach
    void defaultLifetime() {
        System.clearProperty(LiveSessionFilter.MAX_LIFETIME_PROPERTY);
    }

    @Test
    void aSessionEndsWhenTheAccountIsDisabledOrItsAbsoluteLifetimeIsOver() {
        Duration eight = Duration.ofHours(8);
        assertThat(LiveSessionFilter.cutReason(true, LOGIN, LOGIN.plus(Duration.ofHours(7)), eight)).isNull();
        assertThat(LiveSessionFilter.cutReason(true, LOGIN, LOGIN.plus(Duration.ofHours(8)).plusSeconds(1), eight))
                .as("active all day long, still over the absolute lifetime").isEqualTo("expired");
        assertThat(LiveSessionFilter.cutReason(false, LOGIN, LOGIN.plusSeconds(5), eight))
                .as("disabled: at the very next request").isEqualTo("disabled");
        assertThat(LiveSessionFilter.cutReason(true, null, LOGIN, eight)).as("no login time: nothing to cut")
                .isNull();
    }

    @Test
    void theLifetimeIsConfigurableAndAWrongValueKeepsTheDefault() {
        assertThat(LiveSessionFilter.maxLifetime()).isEqualTo(Duration.ofHours(8));
        System.setProperty(LiveSessionFilter.MAX_LIFETIME_PROPERTY, "PT4H");
        assertThat(LiveSessionFilter.maxLifetime()).isEqualTo(Duration.ofHours(4));
        System.setProperty(LiveSessionFilter.MAX_LIFETIME_PROPERTY, "four hours");
        assertThat(LiveSessionFilter.maxLifetime()).isEqualTo(Duration.ofHours(8));
    }
}
