package org.continuum.intake.view;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.casefile.control.IntakeRequest;
import org.continuum.casefile.entity.Channel;
import org.continuum.casefile.entity.RequestType;
import org.continuum.casefile.entity.Urgency;
import org.continuum.intake.boundary.IntakeService;
import org.continuum.intake.boundary.MailIntakeService;
import org.continuum.platform.view.Messages;
import org.continuum.platform.view.ViewActions;
import org.continuum.reference.entity.Situation;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The intake form. On a refused input the form keeps everything typed and shows the reason; on success the viewer
 * lands on the new case file.
 */
@Named
@ViewScoped
public class IntakeView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    IntakeService intake;

    @Inject
    MailIntakeService mails;

    /** The e-mail draft this intake is typed from, if any ({@code draft} view parameter). */
    private String draft;
    private Long draftId;

    private String pseudonym;
    private String legalName;
    private String contact;
    private String location;
    private Situation situation;
    private String country;
    private List<String> languages = new ArrayList<>();
    private RequestType requestType;
    private Urgency urgency = Urgency.STANDARD;
    private Channel channel;
    private boolean consentStorage;

    /** Prefills what the draft says: a mail's sender as the contact; a web request's answers. The rest is typed. */
    public void load() {
        if (draft == null || draft.isBlank()) {
            return;
        }
        if (!ViewActions.load("mailIntake.unknown", draft, id -> {
            draftId = id;
            MailIntakeService.Prefill prefill = mails.prefill(id);
            channel = prefill.channel();
            contact = prefill.contact();
            pseudonym = prefill.name();
            country = prefill.country();
            location = prefill.city();
            languages = new ArrayList<>(prefill.languages());
            requestType = prefill.need();
        })) {
            draftId = null;
        }
    }

    public String getDraft() {
        return draft;
    }

    public void setDraft(String draft) {
        this.draft = draft;
    }

    public Long getDraftId() {
        return draftId;
    }

    public void register() throws IOException {
        if (!consentStorage) {
            Messages.error("intake.consent.required");
            return;
        }
        ViewActions.run("mailIntake.unknown", () -> {
            IntakeRequest request = new IntakeRequest(pseudonym, legalName, contact, location, situation,
                    country, languages, requestType, urgency, channel, consentStorage);
            var registered = draftId == null ? intake.register(request) : mails.convert(draftId, request);
            Messages.info("intake.registered", registered.reference());
            ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
            ctx.redirect(ctx.getRequestContextPath() + "/app/case.xhtml?id=" + registered.caseFileId());
        });
    }

    public String getPseudonym() {
        return pseudonym;
    }

    public void setPseudonym(String pseudonym) {
        this.pseudonym = pseudonym;
    }

    public String getLegalName() {
        return legalName;
    }

    public void setLegalName(String legalName) {
        this.legalName = legalName;
    }

    public String getContact() {
        return contact;
    }

    public void setContact(String contact) {
        this.contact = contact;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public Situation getSituation() {
        return situation;
    }

    public void setSituation(Situation situation) {
        this.situation = situation;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public List<String> getLanguages() {
        return languages;
    }

    public void setLanguages(List<String> languages) {
        this.languages = languages == null ? new ArrayList<>() : new ArrayList<>(languages);
    }

    public RequestType getRequestType() {
        return requestType;
    }

    public void setRequestType(RequestType requestType) {
        this.requestType = requestType;
    }

    public Urgency getUrgency() {
        return urgency;
    }

    public void setUrgency(Urgency urgency) {
        this.urgency = urgency;
    }

    public Channel getChannel() {
        return channel;
    }

    public void setChannel(Channel channel) {
        this.channel = channel;
    }

    public boolean isConsentStorage() {
        return consentStorage;
    }

    public void setConsentStorage(boolean consentStorage) {
        this.consentStorage = consentStorage;
    }
}
