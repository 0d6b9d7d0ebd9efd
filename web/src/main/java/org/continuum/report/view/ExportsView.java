package org.continuum.report.view;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.identity.boundary.ReauthenticationService;
import org.continuum.identity.view.StepUpForm;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.view.Messages;
import org.continuum.report.boundary.AuditorExport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/** The auditor's exports: each is streamed straight to the browser, pseudonymised, and audited by the boundary. */
@Named
@ViewScoped
public class ExportsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditorExport exports;

    @Inject
    ReauthenticationService reauth;

    private final StepUpForm stepUp = new StepUpForm();

    private LocalDate from = LocalDate.now(ZoneOffset.UTC).minusMonths(1);
    private LocalDate to = LocalDate.now(ZoneOffset.UTC);

    /** WORDS: column names and values in the words of this page's language; CODES: as the database holds them. */
    private String wording = "WORDS";

    public boolean isStepUpNeeded() {
        return exports.stepUpNeeded();
    }

    public StepUpForm getStepUp() {
        return stepUp;
    }

    public void csv(String dataset) throws IOException {
        if (!stepUp.passed(exports.stepUpNeeded(), reauth, "export.reauth.failed")) {
            return;
        }
        AuditorExport.Dataset chosen = AuditorExport.Dataset.valueOf(dataset);
        if (chosen == AuditorExport.Dataset.AUDIT && (from == null || to == null || to.isBefore(from))) {
            Messages.error("export.period.invalid");
            return;
        }
        stream("continuum-" + dataset.toLowerCase(Locale.ROOT) + "-" + LocalDate.now(ZoneOffset.UTC) + ".csv",
                "text/csv; charset=UTF-8", out -> exports.csv(chosen, from, to, language(), out));
    }

    public void xlsx() throws IOException {
        if (!stepUp.passed(exports.stepUpNeeded(), reauth, "export.reauth.failed")) {
            return;
        }
        if (from == null || to == null || to.isBefore(from)) {
            Messages.error("export.period.invalid");
            return;
        }
        stream("continuum-export-" + LocalDate.now(ZoneOffset.UTC) + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out -> exports.xlsx(from, to, language(), out));
    }

    /** The reader's language for an export in words, none for codes. */
    private String language() {
        return "CODES".equals(wording) ? null
                : FacesContext.getCurrentInstance().getViewRoot().getLocale().getLanguage();
    }

    public String getWording() {
        return wording;
    }

    public void setWording(String wording) {
        this.wording = "CODES".equals(wording) ? "CODES" : "WORDS";
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static void stream(String fileName, String type, Writer writer) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext ctx = faces.getExternalContext();
        ctx.responseReset();
        ctx.setResponseContentType(type);
        ctx.setResponseHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        ctx.setResponseHeader("Cache-Control", "no-store");
        try (OutputStream out = ctx.getResponseOutputStream()) {
            writer.write(out);
        } catch (InvalidInput refused) {
            Messages.errors(refused.messageKeys());
        }
        faces.responseComplete();
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
