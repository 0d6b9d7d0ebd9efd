package org.continuum.document.view;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.platform.control.Bundles;
import org.continuum.platform.view.ViewActions;
import org.continuum.document.boundary.DossierService;
import org.continuum.platform.view.Messages;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;

/**
 * Generates a PDF dossier (of a case, or of one referral) on request, shows its password once, and serves the
 * file. The PDF and its password live only in this view; nothing is stored or mailed.
 */
@Named
@ViewScoped
public class DossierView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DossierService dossiers;

    private String caseId;
    private String referralId;
    private String grantId;
    private transient DossierService.Dossier dossier;
    private String password;
    private int pages;
    /** The document's language: the viewer's by default; for a referral, the partner's may be chosen instead. */
    private String language;
    private java.util.List<String> partnerLanguages;

    public void generate() {
        boolean made;
        if (grantId != null && !grantId.isBlank()) {
            made = ViewActions.load("case.notAvailable", grantId, id -> dossier = dossiers.grantRecord(id, getLanguage()));
        } else if (referralId != null && !referralId.isBlank()) {
            made = ViewActions.load("case.notAvailable", referralId, id -> dossier = dossiers.referralDossier(id, getLanguage()));
        } else {
            made = ViewActions.load("case.notAvailable", caseId, id -> dossier = dossiers.caseDossier(id, getLanguage()));
        }
        if (!made) {
            dossier = null;
            return;
        }
        password = dossier.file().password();
        pages = dossier.file().pages();
    }

    public void download() throws IOException {
        if (dossier == null) {
            Messages.error("dossier.expired");
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext ctx = faces.getExternalContext();
        ctx.responseReset();
        ctx.setResponseContentType("application/pdf");
        ctx.setResponseContentLength(dossier.file().pdf().length);
        ctx.setResponseHeader("Content-Disposition", "attachment; filename=\"" + dossier.fileName() + "\"");
        ctx.setResponseHeader("Cache-Control", "no-store");
        try (OutputStream out = ctx.getResponseOutputStream()) {
            out.write(dossier.file().pdf());
        }
        faces.responseComplete();
    }

    public boolean isReady() {
        return dossier != null;
    }

    public String getCaseId() {
        return caseId;
    }

    public void setCaseId(String caseId) {
        this.caseId = caseId;
    }

    public String getReferralId() {
        return referralId;
    }

    public void setReferralId(String referralId) {
        this.referralId = referralId;
    }

    public String getGrantId() {
        return grantId;
    }

    public void setGrantId(String grantId) {
        this.grantId = grantId;
    }

    public String getPassword() {
        return password;
    }

    public int getPages() {
        return pages;
    }

    /**
     * The document's language until the user picks one: for a referral, the first language the partner reads that
     * we write in; otherwise (or when the partner reads none of them) the viewer's.
     */
    public String getLanguage() {
        if (language == null) {
            java.util.List<String> partner = getPartnerLanguages();
            language = partner.isEmpty()
                    ? Bundles.supported(FacesContext.getCurrentInstance().getViewRoot().getLocale().getLanguage())
                    : partner.get(0);
        }
        return language;
    }

    /** For a referral, the languages its partner reads that a document can be written in (empty otherwise). */
    public java.util.List<String> getPartnerLanguages() {
        if (partnerLanguages == null) {
            partnerLanguages = java.util.List.of();
            if (referralId != null && !referralId.isBlank() && (grantId == null || grantId.isBlank())) {
                ViewActions.load("case.notAvailable", referralId,
                        id -> partnerLanguages = dossiers.partnerLanguages(id));
            }
        }
        return partnerLanguages;
    }

    public void setLanguage(String language) {
        this.language = Bundles.supported(language);
    }

    public java.util.List<String> getLanguages() {
        return Bundles.LANGUAGES;
    }

    public String getFileName() {
        return dossier == null ? "" : dossier.fileName();
    }
}
