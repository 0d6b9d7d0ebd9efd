package org.continuum.protection.view;

import org.continuum.casefile.entity.RiskLevel;
import org.continuum.protection.boundary.MeasureRow;
import org.continuum.protection.boundary.AssessmentView;
import org.continuum.protection.boundary.ProtectionService;
import org.continuum.protection.entity.MeasureStatus;
import org.continuum.protection.entity.RiskAssessment;
import org.continuum.reference.boundary.Names;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The trend chart's geometry: time left to right, score bottom to top, measures that went ahead marked. */
class RiskTrendTest {

    static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");

    static AssessmentView assessment(Instant at, String score, RiskLevel level) {
        return new AssessmentView(at, "sofia", RiskAssessment.Occasion.REASSESSMENT,
                score == null ? null : new BigDecimal(score), level, level, null, List.of(), List.of());
    }

    static MeasureRow measure(MeasureStatus status, Instant updated) {
        return new MeasureRow(1, "safety-plan", 1, new Names("Safety plan", "Plan de sécurité", "خطة السلامة"), status,
                "sofia", null, updated, null);
    }

    @Test
    void assessmentsAreDotsOnTheScoreScaleAndTriedMeasuresAreMarked() {
        RiskTrend trend = new RiskTrend(List.of(assessment(T0, "20.00", RiskLevel.CRITICAL),
                assessment(T0.plusSeconds(86_400 * 10L), "5.00", RiskLevel.MEDIUM),
                assessment(T0.plusSeconds(86_400 * 20L), null, RiskLevel.LOW)),
                List.of(measure(MeasureStatus.DONE, T0.plusSeconds(86_400 * 5L)),
                        measure(MeasureStatus.PLANNED, T0.plusSeconds(86_400 * 6L))),
                "fr", T0.plusSeconds(86_400 * 20L));
        assertThat(trend.getDots()).extracting(RiskTrend.Dot::x).containsExactly("0.0", "320.0", "640.0");
        // 180 px for 25 points: 20 -> 36 px from the top, 5 -> 144, LOW without a score -> the middle of its band.
        assertThat(trend.getDots()).extracting(RiskTrend.Dot::y).containsExactly("36.0", "144.0", "162.0");
        assertThat(trend.getLine()).isEqualTo("0.0,36.0 320.0,144.0 640.0,162.0");
        assertThat(trend.getMarks()).singleElement().satisfies(m -> {
            assertThat(m.x()).isEqualTo("160.0");
            assertThat(m.label()).isEqualTo("Plan de sécurité");
        });
    }

    @Test
    void eachLevelHasItsBandLabelledInTheMiddle() {
        RiskTrend trend = new RiskTrend(List.of(assessment(T0, "3.00", RiskLevel.LOW)), List.of(), "en", T0);
        assertThat(trend.getGuides()).extracting(RiskTrend.Guide::label)
                .containsExactly("LOW", "MEDIUM", "HIGH", "CRITICAL");
        assertThat(trend.getGuides()).extracting(RiskTrend.Guide::y).containsExactly("180.0", "144.0", "108.0", "64.8");
        assertThat(trend.getGuides()).extracting(RiskTrend.Guide::labelY)
                .containsExactly("162.0", "126.0", "86.4", "32.4");
    }

    @Test
    void noAssessmentNoChart() {
        assertThat(new RiskTrend(List.of(), List.of(), "en", T0).isNothingToShow()).isTrue();
    }
}
