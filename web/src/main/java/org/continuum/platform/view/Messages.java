package org.continuum.platform.view;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.continuum.platform.control.Bundles;

import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Shows translated messages; keys come from the boundaries' {@code InvalidInput} or from the views. */
public final class Messages {

    public static final String BUNDLE = "org.continuum.i18n.messages";

    private Messages() {
    }

    public static String text(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = Bundles.load(BUNDLE, faces.getViewRoot().getLocale());
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return bundle.getString("error.invalidInput");
        }
    }

    /** The text of {@code key}, or {@code fallback} when the bundle has none (codes kept in seed files). */
    public static String textOr(String key, String fallback) {
        ResourceBundle bundle = Bundles.load(BUNDLE, FacesContext.getCurrentInstance().getViewRoot().getLocale());
        return bundle.containsKey(key) ? bundle.getString(key) : fallback;
    }

    public static void error(String key) {
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, text(key), null));
    }

    /** Every problem of a refused input, with its arguments ({@code key:arg1:arg2}) put into the text. */
    public static void errors(java.util.List<String> keys) {
        for (String key : keys) {
            FacesContext.getCurrentInstance().addMessage(null,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, format(key), null));
        }
    }

    /**
     * The text of {@code key:arg1:arg2}, arguments put in; an argument written {@code @other.key} is itself a label
     * of the bundle (a checklist item, a status), shown in the reader's language.
     */
    public static String format(String key) {
        int colon = key.indexOf(':');
        if (colon < 0) {
            return text(key);
        }
        Object[] args = key.substring(colon + 1).split(":");
        for (int i = 0; i < args.length; i++) {
            String arg = (String) args[i];
            if (arg.startsWith("@") && arg.length() > 1) {
                args[i] = text(arg.substring(1));
            }
        }
        return String.format(text(key.substring(0, colon)), args);
    }

    public static void info(String key, Object... args) {
        String text = args.length == 0 ? text(key) : String.format(text(key), args);
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().getFlash().setKeepMessages(true);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }
}
