package org.continuum.casefile.view;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.casefile.boundary.CaseFileService;
import org.continuum.casefile.control.CaseQuery;
import org.continuum.casefile.control.CaseSummary;
import org.continuum.casefile.entity.Phase;
import org.continuum.casefile.entity.Urgency;
import org.continuum.platform.view.ViewActions;
import org.primefaces.PrimeFaces;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The case list: lazy, filtered and sorted in the database through {@link CaseFileService}, which also restricts it
 * to the case files the viewer may see. The legal-name search is exact (it goes through the blind index). Legal
 * names are masked in the list; each one shows after a click on its row, which the boundary audits.
 */
@Named
@ViewScoped
public class CaseListView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CaseFileService cases;

    private String legalName;
    private final CaseModel model = new CaseModel();
    /** Legal names this viewer revealed, one explicit (and audited) click per row. */
    private final Map<Long, String> revealed = new HashMap<>();

    static final String CASE_FILE_PARAMETER = "caseFileId";

    /**
     * Shows the legal name of the row whose "Show name" button was pressed: the list's one command, with the case
     * file's id as its request parameter {@value #CASE_FILE_PARAMETER}. The boundary checks need to know and audits
     * the reveal; a refused or malformed id shows the "not available" message. The name goes back to the row as a
     * callback parameter, which the page writes as text.
     */
    public void revealRequested() {
        String parameter = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap()
                .get(CASE_FILE_PARAMETER);
        ViewActions.load("case.notAvailable", parameter, caseFileId -> {
            String name = cases.revealLegalName(caseFileId);
            revealed.put(caseFileId, name);
            PrimeFaces.Ajax ajax = PrimeFaces.current().ajax();
            ajax.addCallbackParam(CASE_FILE_PARAMETER, String.valueOf(caseFileId));
            ajax.addCallbackParam("legalName", name);
        });
    }

    public String revealed(long caseFileId) {
        return revealed.get(caseFileId);
    }

    public LazyDataModel<CaseSummary> getModel() {
        return model;
    }

    public String getLegalName() {
        return legalName;
    }

    public void setLegalName(String legalName) {
        this.legalName = legalName;
    }

    private CaseQuery query(Map<String, FilterMeta> filters, String sortField, boolean ascending, int first,
                            int pageSize) {
        return new CaseQuery(text(filters, "reference"), text(filters, "pseudonym"), legalName,
                value(filters, "phase", Phase.class), value(filters, "urgency", Urgency.class),
                text(filters, "country"), sortField, ascending, first, pageSize);
    }

    private static String text(Map<String, FilterMeta> filters, String field) {
        FilterMeta meta = filters.get(field);
        return meta == null || meta.getFilterValue() == null ? null : meta.getFilterValue().toString();
    }

    private static <E extends Enum<E>> E value(Map<String, FilterMeta> filters, String field, Class<E> type) {
        String text = text(filters, field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException tampered) {
            return null;
        }
    }

    private class CaseModel extends LazyDataModel<CaseSummary> {
        private static final long serialVersionUID = 1L;

        /** The filters the last total was counted for, and that total. */
        private CaseQuery counted;
        private int total;

        /**
         * PrimeFaces asks for the total before every load, sorting and paging included; the total only changes with
         * the filters, so it is counted again only when they change (a new visit to the page counts afresh). Each
         * count reads the whole team's index (P2).
         */
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            CaseQuery filters = query(filterBy, null, false, 0, 1);
            if (!filters.equals(counted)) {
                total = (int) cases.count(filters);
                counted = filters;
            }
            return total;
        }

        @Override
        public List<CaseSummary> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                      Map<String, FilterMeta> filterBy) {
            SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
            String field = sort == null ? null : sort.getField();
            boolean ascending = sort != null && sort.getOrder() == SortOrder.ASCENDING;
            // The table asked count() for the total already (PrimeFaces' lazy model): no second count here.
            return cases.rows(query(filterBy, field, ascending, first, pageSize));
        }

        @Override
        public String getRowKey(CaseSummary row) {
            return String.valueOf(row.id());
        }

        @Override
        public CaseSummary getRowData(String rowKey) {
            return getWrappedData() == null ? null : getWrappedData().stream()
                    .filter(r -> String.valueOf(r.id()).equals(rowKey)).findFirst().orElse(null);
        }
    }
}
