package org.continuum.protection;

import org.continuum.casefile.entity.RelocationScope;
import org.continuum.casefile.entity.RiskLevel;
import org.continuum.protection.control.LastResortRule;
import org.continuum.protection.control.ReviewSchedule;
import org.continuum.protection.entity.Escalation;
import org.continuum.protection.entity.EvidenceKind;
import org.continuum.protection.entity.MeasureStatus;
import org.continuum.protection.entity.ProtectionMeasure;
import org.continuum.protection.entity.StepEvidence;
import org.continuum.reference.entity.MeasureType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LastResortRuleTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final String REASON = "Tried for three months; threats went on at home";

    private static ProtectionMeasure measure(int step, MeasureStatus status) {
        ProtectionMeasure m = new ProtectionMeasure(1L, new MeasureType("m" + step, step, step * 10, "M", "M", null,
                null), "sofia", NOW);
        m.update(status, "sofia", null, NOW);
        return m;
    }

    private static List<StepEvidence> evidence(int upTo, EvidenceKind kind) {
        return java.util.stream.IntStream.rangeClosed(1, upTo).mapToObj(s -> new StepEvidence(s, kind, REASON))
                .toList();
    }

    @Test
    void internationalRelocationNeedsEvidenceForTheFiveLowerSteps() {
        assertThat(LastResortRule.problems(RelocationScope.INTERNATIONAL, evidence(5, EvidenceKind.NOT_FEASIBLE),
                List.of())).isEmpty();
        assertThat(LastResortRule.problems(RelocationScope.INTERNATIONAL, evidence(3, EvidenceKind.NOT_FEASIBLE),
                List.of())).containsExactly("escalation.evidence.missing:4", "escalation.evidence.missing:5");
        assertThat(LastResortRule.problems(RelocationScope.REGIONAL, evidence(4, EvidenceKind.NOT_FEASIBLE),
                List.of())).as("regional is step 5: steps 1-4 suffice").isEmpty();
        assertThat(LastResortRule.problems(null, List.of(), List.of())).containsExactly("escalation.scope.required");
    }

    @Test
    void triedMeansAMeasureOfThatStepActuallyWentAhead() {
        List<StepEvidence> tried = List.of(new StepEvidence(1, EvidenceKind.TRIED, REASON),
                new StepEvidence(2, EvidenceKind.TRIED, REASON), new StepEvidence(3, EvidenceKind.NOT_FEASIBLE, REASON),
                new StepEvidence(4, EvidenceKind.NOT_FEASIBLE, REASON));
        assertThat(LastResortRule.problems(RelocationScope.REGIONAL, tried,
                List.of(measure(1, MeasureStatus.DONE), measure(2, MeasureStatus.PLANNED))))
                .containsExactly("escalation.evidence.notTried:2");
        assertThat(LastResortRule.problems(RelocationScope.REGIONAL, tried,
                List.of(measure(1, MeasureStatus.NOT_EFFECTIVE), measure(2, MeasureStatus.IN_PROGRESS)))).isEmpty();
    }

    @Test
    void everyStepNeedsARealReason() {
        List<StepEvidence> shortReasons = List.of(new StepEvidence(1, EvidenceKind.NOT_FEASIBLE, "no"),
                new StepEvidence(2, EvidenceKind.NOT_FEASIBLE, "   "), new StepEvidence(3, EvidenceKind.NOT_FEASIBLE,
                        REASON), new StepEvidence(4, EvidenceKind.NOT_FEASIBLE, REASON));
        assertThat(LastResortRule.problems(RelocationScope.TEMPORARY_INTERNAL, shortReasons, List.of()))
                .containsExactly("escalation.evidence.reason:1", "escalation.evidence.reason:2");
    }

    @Test
    void relocationMeasuresAreNotPartOfALocalPlan() {
        assertThatThrownBy(() -> measure(6, MeasureStatus.PLANNED)).hasMessage("plan.measure.notLocal");
    }

    @Test
    void theProposerCanNeverDecide() {
        Escalation e = new Escalation(1L, RelocationScope.INTERNATIONAL, "sofia", "Imminent arrest",
                evidence(5, EvidenceKind.NOT_FEASIBLE), NOW);
        assertThatThrownBy(() -> e.decide(true, "sofia", null, NOW)).hasMessage("escalation.ownProposal");
        assertThatThrownBy(() -> e.decide(false, "claire", " ", NOW))
                .hasMessage("escalation.rejectionReason.required");
        e.decide(true, "claire", null, NOW);
        assertThatThrownBy(() -> e.decide(true, "omar", null, NOW)).hasMessage("escalation.notPending");
    }

    @Test
    void higherRiskIsReassessedSooner() {
        assertThat(ReviewSchedule.reassessmentInterval(RiskLevel.CRITICAL)).isEqualTo(Duration.ofDays(7));
        assertThat(ReviewSchedule.reassessmentInterval(RiskLevel.HIGH)).isEqualTo(Duration.ofDays(14));
        assertThat(ReviewSchedule.reassessmentInterval(RiskLevel.MEDIUM)).isEqualTo(Duration.ofDays(30));
        assertThat(ReviewSchedule.reassessmentInterval(RiskLevel.LOW)).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void checkInsFollowTheArrivalAndNeverFallInThePast() {
        Instant arrived = NOW.minus(Duration.ofDays(10));
        assertThat(ReviewSchedule.nextCheckIn(arrived, 0, NOW)).isEqualTo(arrived.plus(Duration.ofDays(30)));
        assertThat(ReviewSchedule.nextCheckIn(arrived, 1, NOW)).isEqualTo(arrived.plus(Duration.ofDays(90)));
        assertThat(ReviewSchedule.nextCheckIn(arrived, 2, NOW)).isEqualTo(arrived.plus(Duration.ofDays(180)));
        assertThat(ReviewSchedule.nextCheckIn(arrived, 3, NOW)).as("after the schedule, keep the last interval")
                .isEqualTo(NOW.plus(Duration.ofDays(180)));
        Instant longAgo = NOW.minus(Duration.ofDays(60));
        assertThat(ReviewSchedule.nextCheckIn(longAgo, 0, NOW)).isAfter(NOW);
    }
}
