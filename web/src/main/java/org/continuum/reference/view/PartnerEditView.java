package org.continuum.reference.view;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.platform.view.ViewActions;
import org.continuum.reference.entity.Situation;
import org.continuum.platform.view.Messages;
import org.continuum.reference.boundary.PartnerDirectory;
import org.continuum.reference.entity.Partner;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An administrator adds a partner or changes one: its services, languages, channels, stated limits and the
 * eligibility rules the referral desk matches cases against. Lists are typed separated by commas or lines.
 */
@Named
@ViewScoped
public class PartnerEditView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PartnerDirectory directory;

    private String code;
    private boolean existing;
    private String name;
    private Partner.Kind kind;
    private String services;
    private String languages;
    private String channels;
    private String statedLimits;
    private String website;
    private List<String> situations = new ArrayList<>();
    private String countries;
    private boolean requiresTargetedForWork;
    private Integer answerDays = Partner.DEFAULT_ANSWER_DAYS;
    private boolean active = true;

    public void load() {
        if (code == null || code.isBlank()) {
            return;
        }
        ViewActions.run(() -> {
            PartnerDirectory.PartnerForm f = directory.form(code);
            existing = true;
            name = f.name();
            kind = f.kind();
            services = String.join(", ", f.services());
            languages = String.join(", ", f.languages());
            channels = String.join("\n", f.channels());
            statedLimits = f.statedLimits();
            website = f.website();
            situations = new ArrayList<>(f.situations());
            countries = String.join(", ", f.countries());
            requiresTargetedForWork = f.requiresTargetedForWork();
            answerDays = f.answerDays();
            active = f.active();
        });
    }

    public void save() throws IOException {
        ViewActions.run(() -> {
            String saved = directory.save(new PartnerDirectory.PartnerForm(code, name, kind, split(services),
                    split(languages), split(channels), statedLimits, website, situations, split(countries),
                    requiresTargetedForWork, answerDays, active, null));
            Messages.info("partner.saved");
            ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
            ctx.redirect(ctx.getRequestContextPath() + "/app/partners.xhtml#" + saved);
        });
    }

    /** Items typed separated by commas or new lines (a web address keeps its own characters). */
    static List<String> split(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return Arrays.stream(typed.split("[,\\n\\r]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public Partner.Kind[] getKinds() {
        return Partner.Kind.values();
    }

    public Situation[] getAllSituations() {
        return Situation.values();
    }

    public boolean isExisting() {
        return existing;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Partner.Kind getKind() {
        return kind;
    }

    public void setKind(Partner.Kind kind) {
        this.kind = kind;
    }

    public String getServices() {
        return services;
    }

    public void setServices(String services) {
        this.services = services;
    }

    public String getLanguages() {
        return languages;
    }

    public void setLanguages(String languages) {
        this.languages = languages;
    }

    public String getChannels() {
        return channels;
    }

    public void setChannels(String channels) {
        this.channels = channels;
    }

    public String getStatedLimits() {
        return statedLimits;
    }

    public void setStatedLimits(String statedLimits) {
        this.statedLimits = statedLimits;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

    public List<String> getSituations() {
        return situations;
    }

    public void setSituations(List<String> situations) {
        this.situations = situations;
    }

    public String getCountries() {
        return countries;
    }

    public void setCountries(String countries) {
        this.countries = countries;
    }

    public boolean isRequiresTargetedForWork() {
        return requiresTargetedForWork;
    }

    public void setRequiresTargetedForWork(boolean requiresTargetedForWork) {
        this.requiresTargetedForWork = requiresTargetedForWork;
    }

    public Integer getAnswerDays() {
        return answerDays;
    }

    public void setAnswerDays(Integer answerDays) {
        this.answerDays = answerDays;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
