package org.continuum.casefile;

import org.continuum.casefile.entity.CaseFile;
import org.continuum.casefile.entity.CaseReference;
import org.continuum.casefile.entity.Channel;
import org.continuum.casefile.entity.Phase;
import org.continuum.casefile.entity.RequestType;
import org.continuum.casefile.entity.Situation;
import org.continuum.casefile.entity.Urgency;
import org.continuum.identity.entity.Team;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.Year;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseFileTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    static CaseFile.Intake intake(boolean consent) {
        return new CaseFile.Intake(Situation.IN_COUNTRY_OF_DANGER, "RU", List.of("ru", "en"), RequestType.RELOCATION,
                Urgency.HIGH, Channel.SECURE_MESSENGER, consent);
    }

    static CaseFile caseFile() {
        return new CaseFile("CF-2026-000001", new CaseFile.Requester("Birch", "Анна Смирнова", "idx", null, null),
                intake(true), new Team("EUR-EAST", "East"), "ivan", NOW);
    }

    @Test
    void referenceHasYearAndSixDigits() {
        assertThat(CaseReference.of(Year.of(2026), 123)).isEqualTo("CF-2026-000123");
        assertThat(CaseReference.of(Year.of(2026), 1_234_567)).isEqualTo("CF-2026-1234567");
        assertThat(CaseReference.isValid("CF-2026-000123")).isTrue();
        assertThat(CaseReference.isValid("CF-26-1")).isFalse();
        assertThatThrownBy(() -> CaseReference.of(Year.of(2026), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noCaseFileWithoutStorageConsent() {
        assertThatThrownBy(() -> new CaseFile("CF-2026-000002",
                new CaseFile.Requester("Lynx", "Dmitri", "idx", null, null), intake(false),
                new Team("EUR-EAST", "East"), "ivan", NOW))
                .hasMessage("intake.consent.required");
    }

    @Test
    void requesterFieldsAreValidatedWithMessageKeys() {
        assertThatThrownBy(() -> new CaseFile.Requester(" ", "x", "i", null, null))
                .hasMessage("intake.pseudonym.required");
        assertThatThrownBy(() -> new CaseFile.Requester("p", "x".repeat(201), "i", null, null))
                .hasMessage("intake.legalName.tooLong");
        assertThatThrownBy(() -> new CaseFile.Requester("p", "bad\u0000name", "i", null, null))
                .hasMessage("intake.legalName.invalidCharacters");
        assertThat(new CaseFile.Requester("  Cedar ", " ليلى منصور ", "i", "", null).legalName())
                .isEqualTo("ليلى منصور");
    }

    @Test
    void intakeRejectsUnknownCountriesAndLanguages() {
        assertThatThrownBy(() -> new CaseFile.Intake(Situation.ASYLUM_SEEKER, "XX", List.of("en"),
                RequestType.RELOCATION, Urgency.HIGH, Channel.EMAIL, true)).hasMessage("intake.country.invalid");
        assertThatThrownBy(() -> new CaseFile.Intake(Situation.ASYLUM_SEEKER, "FR", List.of("zz"),
                RequestType.RELOCATION, Urgency.HIGH, Channel.EMAIL, true)).hasMessage("intake.languages.invalid");
        assertThatThrownBy(() -> new CaseFile.Intake(Situation.ASYLUM_SEEKER, "FR", List.of(),
                RequestType.RELOCATION, Urgency.HIGH, Channel.EMAIL, true)).hasMessage("intake.languages.required");
    }

    @Test
    void eligibleTriageMovesToRiskAssessment() {
        CaseFile c = caseFile();
        assertThat(c.getPhase()).isEqualTo(Phase.TRIAGE);
        c.completeTriage(true, Urgency.CRITICAL, null, NOW);
        assertThat(c.getPhase()).isEqualTo(Phase.RISK_ASSESSMENT);
        assertThat(c.getUrgency()).isEqualTo(Urgency.CRITICAL);
        assertThatThrownBy(() -> c.completeTriage(true, Urgency.HIGH, null, NOW)).hasMessage("triage.notInTriage");
    }

    @Test
    void ineligibleTriageNeedsAReasonAndCloses() {
        CaseFile c = caseFile();
        assertThatThrownBy(() -> c.completeTriage(false, Urgency.HIGH, "  ", NOW))
                .hasMessage("triage.reason.required");
        c.completeTriage(false, Urgency.STANDARD, "Outside our mandate; referred to a local association", NOW);
        assertThat(c.getPhase()).isEqualTo(Phase.CLOSED);
        assertThat(c.getEligible()).isFalse();
    }

    @Test
    void triageOverdueFlagIsIdempotentAndOnlyDuringTriage() {
        CaseFile c = caseFile();
        assertThat(c.flagTriageOverdue(NOW)).isTrue();
        assertThat(c.flagTriageOverdue(NOW)).isFalse();
        c.completeTriage(true, Urgency.HIGH, null, NOW);
        assertThat(c.isTriageOverdue()).isFalse();
        assertThat(c.flagTriageOverdue(NOW)).isFalse();
    }
}
