package org.continuum.report;

import org.continuum.report.control.KAnonymity;
import org.continuum.report.control.KAnonymity.Quasi;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** S18 (part): no combination of team, country, situation, destination and month shared by fewer than 5 rows. */
class KAnonymityTest {

    private static List<List<String>> export(List<Quasi> rows, KAnonymity.Plan[] planOut) {
        KAnonymity k = new KAnonymity();
        rows.forEach(k::count);
        KAnonymity.Plan plan = k.plan();
        planOut[0] = plan;
        List<List<String>> shown = new ArrayList<>();
        rows.forEach(q -> shown.add(plan.show(q)));
        return shown;
    }

    private static List<Quasi> many(int n, String team, String country, String destination, YearMonth month) {
        List<Quasi> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Quasi(team, country, "HRD", destination, month));
        }
        return rows;
    }

    @Test
    void commonRowsKeepTheirMonthAndALoneRowShowsNothing() {
        List<Quasi> rows = new ArrayList<>(many(40, "MENA", "LB", "", YearMonth.of(2026, 3)));
        rows.addAll(many(30, "EUR-EAST", "RU", "DE", YearMonth.of(2026, 4)));
        rows.add(new Quasi("EUR-EAST", "BY", "LGBTQIA", "CA", YearMonth.of(2026, 5)));
        KAnonymity.Plan[] plan = new KAnonymity.Plan[1];
        List<List<String>> shown = export(rows, plan);
        assertThat(plan[0].level()).isEqualTo(KAnonymity.Level.MONTH);
        assertThat(shown.get(0)).containsExactly("MENA", "LB", "HRD", "", "2026-03");
        assertThat(shown.get(70)).as("the one person from Belarus to Canada")
                .containsExactly("*", "*", "*", "*", "*");
        assertThat(KAnonymity.classes(shown).values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(5));
    }

    @Test
    void manySmallMonthsAreCoarsenedToYearsBeforeAnythingIsHidden() {
        List<Quasi> rows = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            rows.addAll(many(2, "MENA", "LB", "FR", YearMonth.of(2026, month)));
        }
        KAnonymity.Plan[] plan = new KAnonymity.Plan[1];
        List<List<String>> shown = export(rows, plan);
        assertThat(plan[0].level()).isEqualTo(KAnonymity.Level.YEAR);
        assertThat(shown).allSatisfy(r -> assertThat(r).containsExactly("MENA", "LB", "HRD", "FR", "2026"));
        assertThat(plan[0].period(rows.get(0), YearMonth.of(2026, 7))).isEqualTo("2026");
    }

    @Test
    void rareDestinationsAreDroppedForEveryRowWhenTheyAreTooMany() {
        List<Quasi> rows = new ArrayList<>();
        String[] destinations = {"DE", "FR", "CA", "SE", "NL", "ES", "IT", "BE", "IE", "PT"};
        for (String destination : destinations) {
            rows.addAll(many(3, "EUR-EAST", "RU", destination, YearMonth.of(2026, 1)));
        }
        KAnonymity.Plan[] plan = new KAnonymity.Plan[1];
        List<List<String>> shown = export(rows, plan);
        assertThat(plan[0].level()).isEqualTo(KAnonymity.Level.YEAR_NO_DESTINATION);
        assertThat(shown).allSatisfy(r -> assertThat(r).containsExactly("EUR-EAST", "RU", "HRD", "*", "2026"));
    }

    @Test
    void hiddenRowsAreNeverFewerThanFive() {
        List<Quasi> rows = new ArrayList<>(many(100, "MENA", "LB", "", YearMonth.of(2026, 3)));
        rows.addAll(many(6, "MENA", "SY", "", YearMonth.of(2026, 3)));
        rows.add(new Quasi("AFRICA", "UG", "LGBTQIA", "KE", YearMonth.of(2026, 2)));
        rows.add(new Quasi("AFRICA", "NG", "LGBTQIA", "GH", YearMonth.of(2026, 2)));
        KAnonymity.Plan[] plan = new KAnonymity.Plan[1];
        List<List<String>> shown = export(rows, plan);
        assertThat(plan[0].hiddenRows()).as("two lone rows and the smallest class with them").isEqualTo(8);
        assertThat(KAnonymity.classes(shown).values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(5));
        assertThat(shown.get(0)).containsExactly("MENA", "LB", "HRD", "", "2026-03");
    }
}
