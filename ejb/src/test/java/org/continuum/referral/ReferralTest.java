package org.continuum.referral;

import org.continuum.casefile.entity.SharedField;
import org.continuum.reference.entity.Partner;
import org.continuum.referral.entity.Referral;
import org.continuum.referral.entity.ReferralOutcome;
import org.continuum.referral.entity.ReferralStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The referral's loop: sent, answered once, outcome only after acceptance, reminder flagged once. */
class ReferralTest {

    static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    static Partner rainbowRailroad() {
        return new Partner("rainbow-railroad", "Rainbow Railroad", Partner.Kind.LGBTQIA_ORGANISATION,
                List.of("emergency-relocation", "travel-funding"), List.of("en", "ru"),
                List.of("email:help@rainbowrailroad.ca"), "No immigration advice", null);
    }

    static Referral sent() {
        return new Referral(1L, rainbowRailroad(), "travel-funding", EnumSet.of(SharedField.COUNTRY), "REFERENCE\tCF",
                null, "email:help@rainbowrailroad.ca", "amira", NOW, NOW.plus(Duration.ofDays(14)));
    }

    @Test
    void aReferralNamesAServiceAChannelAndFieldsOfThePartner() {
        Partner partner = rainbowRailroad();
        assertThatThrownBy(() -> new Referral(1L, partner, "legal-advice", EnumSet.of(SharedField.COUNTRY), "x", null,
                "email:help@rainbowrailroad.ca", "amira", NOW, NOW.plusSeconds(60)))
                .hasMessage("referral.purpose.required");
        assertThatThrownBy(() -> new Referral(1L, partner, "travel-funding", EnumSet.of(SharedField.COUNTRY), "x",
                null, "email:someone@else.example", "amira", NOW, NOW.plusSeconds(60)))
                .hasMessage("referral.channel.required");
        assertThatThrownBy(() -> new Referral(1L, partner, "travel-funding", EnumSet.noneOf(SharedField.class), "x",
                null, "email:help@rainbowrailroad.ca", "amira", NOW, NOW.plusSeconds(60)))
                .hasMessage("referral.fields.required");
        assertThatThrownBy(() -> new Referral(1L, partner, "travel-funding", EnumSet.of(SharedField.COUNTRY), "x",
                null, "email:help@rainbowrailroad.ca", "amira", NOW, NOW))
                .hasMessage("referral.due.future");
    }

    @Test
    void theLoopClosesWithAnAnswerThenAnOutcome() {
        Referral referral = sent();
        assertThatThrownBy(() -> referral.recordOutcome(ReferralOutcome.SERVICE_PROVIDED, null, "amira", NOW))
                .hasMessage("referral.notAccepted");
        referral.answer(true, "Case opened on their side", "amira", NOW.plusSeconds(3600));
        assertThat(referral.getStatus()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThatThrownBy(() -> referral.answer(false, null, "amira", NOW)).hasMessage("referral.notAwaitingAnswer");
        assertThat(referral.markAnswerOverdue()).as("answered: no reminder").isFalse();
        referral.recordOutcome(ReferralOutcome.SERVICE_PROVIDED, "Tickets paid", "amira", NOW.plusSeconds(7200));
        assertThat(referral.getStatus()).isEqualTo(ReferralStatus.COMPLETED);
        assertThat(referral.getOutcome()).isEqualTo(ReferralOutcome.SERVICE_PROVIDED);
    }

    @Test
    void aLateAnswerIsFlaggedOnceAndADeclineEndsTheLoop() {
        Referral referral = sent();
        assertThat(referral.markAnswerOverdue()).isTrue();
        assertThat(referral.markAnswerOverdue()).as("a retried reminder job").isFalse();
        referral.answer(false, "Outside their mandate", "amira", NOW.plus(Duration.ofDays(20)));
        assertThat(referral.getStatus()).isEqualTo(ReferralStatus.DECLINED);
        assertThatThrownBy(() -> referral.recordOutcome(ReferralOutcome.NOT_PROVIDED, null, "amira", NOW))
                .hasMessage("referral.notAccepted");
    }

    @Test
    void anAdministratorsEditIsNotOverwrittenByTheSeedFile() {
        Partner stored = rainbowRailroad();
        stored.edit("Rainbow Railroad (edited)", Partner.Kind.LGBTQIA_ORGANISATION, List.of("travel-funding"),
                List.of("en"), List.of("email:help@rainbowrailroad.ca"), null, null,
                new Partner.Rules(List.of("IN_COUNTRY_OF_DANGER"), List.of(), false, 10), true, "admin", NOW);
        stored.seeded(rainbowRailroad());
        assertThat(stored.getName()).isEqualTo("Rainbow Railroad (edited)");
        assertThat(stored.rules().answerDays()).isEqualTo(10);
        Partner untouched = rainbowRailroad();
        Partner fromFile = new Partner("rainbow-railroad", "Rainbow Railroad", Partner.Kind.LGBTQIA_ORGANISATION,
                List.of("travel-funding"), List.of("en"), List.of("email:help@rainbowrailroad.ca"), null, null);
        fromFile.applyRules(new Partner.Rules(List.of(), List.of(), true, 5));
        untouched.seeded(fromFile);
        assertThat(untouched.getServices()).containsExactly("travel-funding");
        assertThat(untouched.rules().requiresTargetedForWork()).isTrue();
    }
}
