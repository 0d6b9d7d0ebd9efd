package org.continuum.report.view;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.platform.control.Labels;
import org.continuum.platform.view.Messages;
import org.continuum.report.boundary.ReportService;

import java.io.Serializable;
import java.util.List;

/** The reports page: breakdowns as accessible HTML bars, small cells shown as "<5". */
@Named
@ViewScoped
public class ReportsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ReportService reports;

    private ReportService.Report report;

    public void load() {
        report = reports.report();
    }

    public ReportService.Report getReport() {
        return report;
    }

    /**
     * A row's labels in the reader's language where a label is a known code (phase, risk, channel…); countries by
     * name in the breakdowns by country and by destination.
     */
    public String label(String breakdown, List<String> labels) {
        Labels words = Labels.of(FacesContext.getCurrentInstance().getViewRoot().getLocale().toLanguageTag());
        StringBuilder out = new StringBuilder();
        for (String raw : labels) {
            String text = raw;
            if (namesCountries(breakdown)) {
                out.append(out.length() == 0 ? "" : " · ").append(words.country(raw));
                continue;
            }
            for (String prefix : new String[]{"phase.", "risk.", "channel.", "outcome.", "grantCategory."}) {
                String candidate = Messages.text(prefix + raw);
                if (!candidate.equals(Messages.text("error.invalidInput"))) {
                    text = candidate;
                    break;
                }
            }
            out.append(out.length() == 0 ? "" : " · ").append(text);
        }
        return out.toString();
    }

    /** Whether the rows of {@code breakdown} are ISO country codes. */
    static boolean namesCountries(String breakdown) {
        return "report.byCountry".equals(breakdown) || "report.relocationsByDestination".equals(breakdown);
    }
}
