package org.continuum.casefile.control;

import org.continuum.casefile.entity.Phase;
import org.continuum.casefile.entity.Urgency;

import java.io.Serializable;
import java.util.Set;

/**
 * Filters, sort and page of the case list. Sorting is restricted to {@link #SORTABLE} so a tampered sort field
 * never reaches the query.
 */
public record CaseQuery(String reference, String pseudonym, String legalName, Phase phase, Urgency urgency,
                        String country, String sortField, boolean ascending, int first, int pageSize)
        implements Serializable {

    public static final Set<String> SORTABLE = Set.of("reference", "pseudonym", "createdAt", "urgency", "phase",
            "country");
    public static final int MAX_PAGE = 100;

    public CaseQuery {
        if (sortField == null || !SORTABLE.contains(sortField)) {
            sortField = "createdAt";
            ascending = false;
        }
        first = Math.max(first, 0);
        pageSize = Math.min(Math.max(pageSize, 1), MAX_PAGE);
        reference = blankToNull(reference);
        pseudonym = blankToNull(pseudonym);
        legalName = blankToNull(legalName);
        country = blankToNull(country);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "CaseQuery[sort=" + sortField + ", first=" + first + ", size=" + pageSize + "]";
    }
}
