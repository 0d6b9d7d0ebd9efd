package org.continuum.casefile.view;

import org.continuum.casefile.boundary.CaseFileService;
import org.continuum.casefile.control.CaseQuery;
import org.junit.jupiter.api.Test;
import org.primefaces.model.FilterMeta;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CaseListViewTest {

    /** Records the counts asked of the boundary; answers 40 for every filter. */
    static class CountingCases extends CaseFileService {
        final List<CaseQuery> counted = new ArrayList<>();

        @Override
        public long count(CaseQuery query) {
            counted.add(query);
            return 40;
        }
    }

    private static Map<String, FilterMeta> phase(String value) {
        return Map.of("phase", FilterMeta.builder().field("phase").filterValue(value).build());
    }

    @Test
    void sortingAndPagingReuseTheTotalWhileTheFiltersStayTheSame() {
        CaseListView view = new CaseListView();
        CountingCases cases = new CountingCases();
        view.cases = cases;

        assertThat(view.getModel().count(Map.of())).isEqualTo(40);
        assertThat(view.getModel().count(Map.of())).as("same filters: no second count").isEqualTo(40);
        assertThat(cases.counted).hasSize(1);

        view.getModel().count(phase("TRIAGE"));
        view.getModel().count(phase("TRIAGE"));
        assertThat(cases.counted).as("a new filter counts once").hasSize(2);
        assertThat(cases.counted.get(1).phase()).hasToString("TRIAGE");

        view.setLegalName("Амира Хасан");
        view.getModel().count(phase("TRIAGE"));
        assertThat(cases.counted).as("the legal-name search is a filter too").hasSize(3);

        view.getModel().count(Map.of());
        assertThat(cases.counted).as("back to no filter counts again").hasSize(4);
    }
}
