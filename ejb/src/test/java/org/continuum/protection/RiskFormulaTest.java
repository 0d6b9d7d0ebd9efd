package org.continuum.protection;

import org.continuum.casefile.entity.RiskLevel;
import org.continuum.protection.control.RiskAssessments;
import org.continuum.protection.control.RiskFormula;
import org.continuum.protection.entity.FactorKind;
import org.continuum.protection.entity.RiskAssessment;
import org.continuum.protection.entity.RiskFactor;
import org.continuum.protection.entity.ThreatCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented formula, case by case: risk = threats × vulnerabilities ÷ capacities. */
class RiskFormulaTest {

    static final LocalDate ON = LocalDate.of(2026, 11, 22);
    static final LocalDate LONG_AGO = ON.minusDays(200);

    static RiskFactor.Factor threat(int likelihood, int impact) {
        return threat(ThreatCategory.PHYSICAL, "police", likelihood, impact, LONG_AGO);
    }

    static RiskFactor.Factor threat(ThreatCategory category, String actor, int likelihood, int impact,
                                    LocalDate lastIncident) {
        return RiskFactor.Factor.threat(category, actor, "Followed home after the march", lastIncident, likelihood,
                impact, false);
    }

    static RiskFactor.Factor vulnerability(int weight) {
        return RiskFactor.Factor.of(FactorKind.VULNERABILITY, "Lives alone, known address", weight, false);
    }

    static RiskFactor.Factor capacity(int weight) {
        return RiskFactor.Factor.of(FactorKind.CAPACITY, "Trained in digital security", weight, true);
    }

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("no threat at all", List.of(), "0.00", RiskLevel.LOW),
                Arguments.of("one small threat", List.of(threat(2, 2)), "4.00", RiskLevel.LOW),
                Arguments.of("one threat at the medium line", List.of(threat(1, 5)), "5.00", RiskLevel.MEDIUM),
                Arguments.of("likely and serious", List.of(threat(3, 4)), "12.00", RiskLevel.HIGH),
                Arguments.of("the worst threat, no help", List.of(threat(4, 4)), "16.00", RiskLevel.CRITICAL),
                Arguments.of("others add a quarter", List.of(threat(3, 3), threat(2, 2), threat(2, 2)), "11.00",
                        RiskLevel.HIGH),
                Arguments.of("threats cap at 25", List.of(threat(5, 5), threat(5, 5)), "25.00", RiskLevel.CRITICAL),
                Arguments.of("vulnerabilities raise it", List.of(threat(3, 3), vulnerability(4), vulnerability(3)),
                        "15.30", RiskLevel.HIGH),
                Arguments.of("capacities lower it", List.of(threat(4, 4), capacity(4), capacity(4)), "8.89",
                        RiskLevel.MEDIUM),
                Arguments.of("both", List.of(threat(4, 5), vulnerability(5), capacity(5), capacity(5)), "15.00",
                        RiskLevel.HIGH),
                Arguments.of("a recent incident makes a threat one step likelier",
                        List.of(threat(ThreatCategory.LEGAL, "court", 3, 4, ON.minusDays(29))), "16.00",
                        RiskLevel.CRITICAL),
                Arguments.of("an incident 30 days old no longer counts as recent",
                        List.of(threat(ThreatCategory.LEGAL, "court", 3, 4, ON.minusDays(30))), "12.00",
                        RiskLevel.HIGH));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void scoreAndLevel(String name, List<RiskFactor.Factor> factors, String score, RiskLevel level) {
        RiskFormula.Result result = RiskFormula.evaluate(factors, ON);
        assertThat(result.score()).isEqualByComparingTo(score);
        assertThat(result.level()).isEqualTo(level);
    }

    @Test
    void everyProblemOfTheRowsIsNamedWithItsRow() {
        List<RiskFactor.Factor> rows = List.of(
                new RiskFactor.Factor(FactorKind.THREAT, null, null, " ", ON.plusDays(1), 6, 0, null, false),
                new RiskFactor.Factor(FactorKind.CAPACITY, null, null, "Safe flat", null, null, null, 9, false),
                threat(2, 2));
        assertThat(RiskFormula.problems(rows, ON)).containsExactly("risk.threat.description:1",
                "risk.threat.category:1", "risk.threat.scale:1", "risk.threat.incidentInFuture:1",
                "risk.capacity.weight:1");
    }

    @Test
    void aReassessmentSaysWhatChanged() {
        RiskAssessment before = new RiskAssessment(1, RiskAssessment.Occasion.INITIAL, "sofia", Instant.EPOCH,
                List.of(threat(ThreatCategory.PHYSICAL, "Police", 4, 4, LONG_AGO),
                        threat(ThreatCategory.DIGITAL, "unknown", 2, 3, LONG_AGO), vulnerability(3)),
                new java.math.BigDecimal("19.60"), RiskLevel.CRITICAL, RiskLevel.CRITICAL, null);
        RiskAssessment after = new RiskAssessment(1, RiskAssessment.Occasion.REASSESSMENT, "sofia", Instant.EPOCH,
                List.of(threat(ThreatCategory.PHYSICAL, "police ", 3, 4, LONG_AGO),
                        threat(ThreatCategory.LEGAL, "Prosecutor", 2, 5, LONG_AGO), vulnerability(3), capacity(4)),
                new java.math.BigDecimal("12.29"), RiskLevel.HIGH, RiskLevel.HIGH, null);
        assertThat(RiskAssessments.changes(before, after)).containsExactly("risk.change.level:CRITICAL:HIGH",
                "risk.change.score:19.60:12.29", "risk.change.threatAdded:LEGAL (prosecutor)",
                "risk.change.threatGone:DIGITAL (unknown)", "risk.change.capacity:0:1");
        assertThat(RiskAssessments.changes(null, after)).isEmpty();
    }
}
