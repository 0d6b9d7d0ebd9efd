package org.continuum.casefile;

import org.continuum.casefile.entity.CaseFile;
import org.continuum.casefile.entity.CaseReference;
import org.continuum.casefile.entity.Channel;
import org.continuum.casefile.entity.DuplicateDecision;
import org.continuum.casefile.entity.Outcome;
import org.continuum.casefile.entity.Phase;
import org.continuum.casefile.entity.RelocationScope;
import org.continuum.casefile.entity.RiskLevel;
import org.continuum.casefile.entity.VerificationMethod;
import org.continuum.identity.entity.Role;
import org.continuum.identity.entity.UserAccount;
import java.util.Set;
import org.continuum.casefile.entity.RequestType;
import org.continuum.reference.entity.Situation;
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

    static final Team EAST = new Team("EUR-EAST", "East");
    static final UserAccount MENTOR = new UserAccount("olga.mentor", "Olga", "hash", EAST,
            Set.of(Role.SECURITY_MENTOR), "en");

    static CaseFile.Triage eligible(Urgency urgency) {
        return new CaseFile.Triage(true, urgency, null, DuplicateDecision.NEW, null, MENTOR, null);
    }

    @Test
    void eligibleTriageAssignsTheMentorAndWaitsForVerification() {
        CaseFile c = caseFile();
        assertThat(c.getPhase()).isEqualTo(Phase.TRIAGE);
        c.completeTriage(eligible(Urgency.CRITICAL), NOW);
        assertThat(c.getPhase()).as("verification is part of triage").isEqualTo(Phase.TRIAGE);
        assertThat(c.getUrgency()).isEqualTo(Urgency.CRITICAL);
        assertThat(c.isAssignedTo(MENTOR)).isTrue();
        c.completeVerification(true, VerificationMethod.PARTNER_ATTESTATION, null, NOW);
        assertThat(c.getPhase()).isEqualTo(Phase.RISK_ASSESSMENT);
        assertThatThrownBy(() -> c.completeTriage(eligible(Urgency.HIGH), NOW)).hasMessage("triage.notInTriage");
    }

    @Test
    void eligibleTriageNeedsAMentorOfTheTeam() {
        UserAccount caseworker = new UserAccount("ivan", "Ivan", "hash", EAST, Set.of(Role.CASEWORKER), "en");
        UserAccount otherTeam = new UserAccount("ali.mentor", "Ali", "hash", new Team("MENA", "MENA"),
                Set.of(Role.SECURITY_MENTOR), "en");
        for (UserAccount wrong : new UserAccount[] {caseworker, otherTeam}) {
            assertThatThrownBy(() -> caseFile().completeTriage(new CaseFile.Triage(true, Urgency.HIGH, null,
                    DuplicateDecision.NEW, null, wrong, null), NOW)).hasMessage("triage.mentor.invalid");
        }
        assertThatThrownBy(() -> caseFile().completeTriage(new CaseFile.Triage(true, Urgency.HIGH, null,
                DuplicateDecision.NEW, null, null, null), NOW)).hasMessage("triage.mentor.required");
    }

    @Test
    void ineligibleTriageNeedsAReasonAndCloses() {
        CaseFile c = caseFile();
        assertThatThrownBy(() -> c.completeTriage(new CaseFile.Triage(false, Urgency.HIGH, "  ", null, null, null,
                null), NOW)).hasMessage("triage.reason.required");
        c.completeTriage(new CaseFile.Triage(false, Urgency.STANDARD,
                "Outside our mandate; referred to a local association", null, null, null, null), NOW);
        assertThat(c.getPhase()).isEqualTo(Phase.CLOSED);
        assertThat(c.getClosureOutcome()).isEqualTo(Outcome.INELIGIBLE);
        assertThat(c.getEligible()).isFalse();
    }

    @Test
    void mergedDuplicateClosesInFavourOfTheExistingCaseOfTheSameTeam() {
        CaseFile existing = new CaseFile("CF-2026-000009", new CaseFile.Requester("Birch", "Анна Смирнова", "idx",
                null, null), intake(true), EAST, "ivan", NOW);
        CaseFile c = caseFile();
        assertThatThrownBy(() -> c.completeTriage(new CaseFile.Triage(true, Urgency.HIGH, null,
                DuplicateDecision.MERGE, null, null, null), NOW)).hasMessage("triage.duplicate.caseRequired");
        c.completeTriage(new CaseFile.Triage(true, Urgency.HIGH, null, DuplicateDecision.MERGE, existing, null,
                null), NOW);
        assertThat(c.getPhase()).isEqualTo(Phase.CLOSED);
        assertThat(c.getClosureOutcome()).isEqualTo(Outcome.MERGED_DUPLICATE);
        assertThat(c.getDuplicateOf()).isSameAs(existing);
    }

    @Test
    void unverifiableRequestCloses() {
        CaseFile c = caseFile();
        c.completeTriage(eligible(Urgency.HIGH), NOW);
        assertThatThrownBy(() -> c.completeVerification(true, null, null, NOW))
                .hasMessage("verification.method.required");
        c.completeVerification(false, null, null, NOW);
        assertThat(c.getClosureOutcome()).isEqualTo(Outcome.UNVERIFIABLE);
    }

    @Test
    void relocatedCaseGoesThroughExileAndClosesOnlyWithAnotherPersonsSignOff() {
        CaseFile c = caseFile();
        c.completeTriage(eligible(Urgency.HIGH), NOW);
        c.completeVerification(true, VerificationMethod.INTERVIEW, null, NOW);
        c.recordRisk(RiskLevel.CRITICAL, NOW.plusSeconds(60), NOW);
        assertThat(c.getPhase()).isEqualTo(Phase.PROTECTION_PLAN);
        assertThatThrownBy(() -> c.escalationApproved(RelocationScope.INTERNATIONAL, NOW))
                .hasMessage("escalation.notPending");
        c.escalationProposed(NOW);
        c.escalationApproved(RelocationScope.INTERNATIONAL, NOW);
        assertThat(c.getPhase()).isEqualTo(Phase.RELOCATION);
        assertThatThrownBy(() -> c.relocationPrepared(null, "RU", NOW))
                .hasMessage("relocation.destination.sameCountry");
        assertThatThrownBy(() -> c.arrived(NOW, NOW, NOW)).hasMessage("relocation.notPrepared");
        c.relocationPrepared(null, "DE", NOW);
        assertThatThrownBy(() -> c.arrived(NOW.plusSeconds(3600), NOW, NOW))
                .hasMessage("relocation.arrival.invalid");
        c.arrived(NOW.minusSeconds(86_400), NOW.plusSeconds(60), NOW);
        assertThat(c.getPhase()).isEqualTo(Phase.EXILE_SUPPORT);
        c.checkedIn(null, NOW.plusSeconds(120), NOW);
        assertThat(c.getCheckInsDone()).isOne();
        assertThatThrownBy(() -> c.proposeClosure(Outcome.INELIGIBLE, "ivan", NOW))
                .hasMessage("closure.outcome.invalid");
        c.proposeClosure(Outcome.RELOCATED_AND_SAFE, "ivan", NOW);
        assertThatThrownBy(() -> c.closureSignedOff("ivan", NOW)).hasMessage("closure.ownProposal");
        c.closureSignedOff("claire", NOW);
        assertThat(c.getPhase()).isEqualTo(Phase.CLOSED);
        assertThat(c.getClosureOutcome()).isEqualTo(Outcome.RELOCATED_AND_SAFE);
    }

    @Test
    void localClosureCannotClaimARelocationAndNeedsAnotherPersonsSignOff() {
        CaseFile c = caseFile();
        c.completeTriage(eligible(Urgency.HIGH), NOW);
        c.completeVerification(true, VerificationMethod.INTERVIEW, null, NOW);
        c.recordRisk(RiskLevel.LOW, NOW.plusSeconds(60), NOW);
        assertThatThrownBy(() -> c.proposeClosureInPlace(Outcome.RELOCATED_AND_SAFE, "sofia", NOW))
                .hasMessage("closure.outcome.invalid");
        c.proposeClosureInPlace(Outcome.SAFE_IN_PLACE, "sofia", NOW);
        assertThat(c.getPhase()).as("proposed only").isEqualTo(Phase.PROTECTION_PLAN);
        c.closureInPlaceRefused(NOW);
        assertThatThrownBy(() -> c.closureInPlaceSignedOff("claire", NOW)).hasMessage("closure.notProposed");
        c.proposeClosureInPlace(Outcome.SAFE_IN_PLACE, "sofia", NOW);
        assertThatThrownBy(() -> c.closureInPlaceSignedOff("sofia", NOW)).hasMessage("closure.ownProposal");
        c.closureInPlaceSignedOff("claire", NOW);
        assertThat(c.getPhase()).isEqualTo(Phase.CLOSED);
        assertThat(c.getClosureOutcome()).isEqualTo(Outcome.SAFE_IN_PLACE);
        assertThat(c.getNextReviewAt()).isNull();
    }

    @Test
    void triageOverdueFlagIsIdempotentAndOnlyDuringTriage() {
        CaseFile c = caseFile();
        assertThat(c.flagTriageOverdue(NOW)).isTrue();
        assertThat(c.flagTriageOverdue(NOW)).isFalse();
        c.completeTriage(eligible(Urgency.HIGH), NOW);
        c.completeVerification(true, VerificationMethod.DOCUMENTS, null, NOW);
        assertThat(c.isTriageOverdue()).isFalse();
        assertThat(c.flagTriageOverdue(NOW)).isFalse();
    }
}
