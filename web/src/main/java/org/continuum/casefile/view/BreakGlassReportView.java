package org.continuum.casefile.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.casefile.boundary.BreakGlassReport;
import org.continuum.platform.view.ViewActions;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** The auditors' break-glass report ({@code app/break-glass-report.xhtml}), over a period of days. */
@Named
@ViewScoped
public class BreakGlassReportView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    BreakGlassReport report;

    private LocalDate from = LocalDate.now(ZoneOffset.UTC).minusMonths(1);
    private LocalDate to = LocalDate.now(ZoneOffset.UTC);
    private List<BreakGlassReport.Row> rows = List.of();

    public void load() {
        if (!ViewActions.run(() -> rows = report.between(from, to))) {
            rows = List.of();
        }
    }

    public List<BreakGlassReport.Row> getRows() {
        return rows;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
