package org.continuum.intake.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import org.continuum.document.control.UploadPolicy;
import org.continuum.intake.boundary.PublicRequestService;
import org.continuum.platform.control.Bundles;
import org.continuum.platform.control.InvalidInput;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What every public page shares (the request form, the receipt page): the language (the one picked from the menu,
 * carried in {@code lang}, else the browser's preference), its direction, the language menu in each language's own
 * name, the client address the limits count, and the translation of refusals. No session: these pages keep nothing
 * between requests.
 */
@Named
@RequestScoped
public class PublicPage {

    private String language;

    private HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    public String getLanguage() {
        if (language == null) {
            HttpServletRequest request = request();
            language = Bundles.publicLanguage(request.getParameter("lang"), Collections.list(request.getLocales()));
        }
        return language;
    }

    /** The language menu posts with the forms too; only a language these pages speak is taken. */
    public void setLanguage(String language) {
        if (language != null && Bundles.PUBLIC_LANGUAGES.contains(language)) {
            this.language = language;
        }
    }

    public Locale getLocale() {
        return Locale.forLanguageTag(getLanguage());
    }

    public String getDirection() {
        return Bundles.isRightToLeft(getLanguage()) ? "rtl" : "ltr";
    }

    /** The menu: each language named in itself ("العربية", "Kiswahili"), so a person finds theirs. */
    public List<SelectItem> getLanguages() {
        return Bundles.PUBLIC_LANGUAGES.stream().map(code -> {
            Locale own = Locale.forLanguageTag(code);
            String name = own.getDisplayLanguage(own);
            return new SelectItem(code, name.substring(0, 1).toUpperCase(own) + name.substring(1));
        }).toList();
    }

    /** The address the limits count (the proxy's forwarded one when Continuum runs behind its TLS proxy). */
    String clientAddress() {
        return request().getRemoteAddr();
    }

    /** The files as sent; one over the size limit is read one byte past it, so the policy refuses it by name. */
    List<PublicRequestService.Attachment> attachments(List<Part> files) {
        List<PublicRequestService.Attachment> read = new ArrayList<>();
        for (Part part : files == null ? List.<Part>of() : files) {
            if (part == null || part.getSize() == 0) {
                continue;
            }
            try (InputStream in = part.getInputStream()) {
                read.add(new PublicRequestService.Attachment(part.getSubmittedFileName(),
                        in.readNBytes((int) UploadPolicy.MAX_FILE_BYTES + 1)));
            } catch (IOException e) {
                throw new InvalidInput("document.damaged");
            }
        }
        return read;
    }

    /** The refusal keys in the page's language. */
    List<String> translate(List<String> keys) {
        ResourceBundle words = Bundles.loadPublic(getLanguage());
        return keys.stream().map(key -> words.containsKey(key) ? words.getString(key)
                : words.getString("input.invalid")).distinct().toList();
    }
}
