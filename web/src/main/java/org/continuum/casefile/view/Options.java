package org.continuum.casefile.view;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.inject.Named;
import org.continuum.casefile.entity.Channel;
import org.continuum.casefile.entity.Phase;
import org.continuum.casefile.entity.RequestType;
import org.continuum.reference.entity.Situation;
import org.continuum.casefile.entity.Urgency;
import org.continuum.platform.control.Labels;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Choices for select menus, labelled in the viewer's language. */
@Named
@ApplicationScoped
public class Options {

    /** Languages requests arrive in (DOMAIN.md), then other frequent ones. */
    static final List<String> LANGUAGES = List.of("en", "ar", "fr", "pt", "ru", "sw", "tr", "fa", "es", "uk", "de",
            "ro", "ka", "ku", "am", "ha", "ps", "ur", "zh", "hi");

    public Situation[] getSituations() {
        return Situation.values();
    }

    public RequestType[] getRequestTypes() {
        return RequestType.values();
    }

    public Urgency[] getUrgencies() {
        return Urgency.values();
    }

    public Channel[] getChannels() {
        return Channel.values();
    }

    public Phase[] getPhases() {
        return Phase.values();
    }

    public List<SelectItem> getCountries() {
        Locale viewer = viewerLocale();
        Collator collator = Collator.getInstance(viewer);
        return Arrays.stream(Locale.getISOCountries())
                .map(code -> new SelectItem(code, new Locale("", code).getDisplayCountry(viewer)))
                .sorted(Comparator.comparing(SelectItem::getLabel, collator))
                .toList();
    }

    public List<SelectItem> getLanguages() {
        Locale viewer = viewerLocale();
        return LANGUAGES.stream()
                .map(code -> new SelectItem(code, new Locale(code).getDisplayLanguage(viewer) + " (" + code + ")"))
                .toList();
    }

    /** "Arabic, English" (or "arabe, anglais") for a list of ISO 639-1 codes. */
    public String languageNames(List<String> codes) {
        return codes == null ? "" : labels().languages(codes);
    }

    /** The country's name in the viewer's language (the same words as the documents, {@link Labels}). */
    public String countryName(String code) {
        return code == null ? "" : labels().country(code);
    }

    /** Country names for a list of ISO codes, separated by commas. */
    public String countryNames(List<String> codes) {
        return codes == null ? "" : String.join(", ", codes.stream().map(this::countryName).toList());
    }

    private static Labels labels() {
        return Labels.of(viewerLocale().toLanguageTag());
    }

    private static Locale viewerLocale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }
}
