package org.continuum.platform.view;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import jakarta.faces.context.FacesContext;
import org.continuum.platform.control.Labels;

import java.time.Instant;

/**
 * Times and amounts in the viewer's language, from the same {@link Labels} as the documents: dates by the JDK's CLDR
 * data, always in UTC and labelled so (staff work across time zones), amounts with two decimals and the currency code.
 */
@Named
@ApplicationScoped
public class Formats {

    private static Labels labels() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return Labels.of(faces == null || faces.getViewRoot() == null ? "en"
                : faces.getViewRoot().getLocale().getLanguage());
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : labels().when(instant);
    }

    /** An amount with its currency, e.g. {@code 1,200.00 EUR}, « 1 200,00 EUR ». */
    public String money(java.math.BigDecimal amount, String currency) {
        return amount == null ? "—" : labels().money(amount, currency);
    }

    /** A timeline summary in the viewer's words ("Urgency: High" for {@code urgency=HIGH}). */
    public String summary(String summary) {
        return summary == null ? "" : labels().summary(summary);
    }

    /** A list as "a, b, c" (codes and names shown as they are). */
    public String join(java.util.List<String> items) {
        return items == null || items.isEmpty() ? "—" : String.join(", ", items);
    }

    public java.time.LocalDate getToday() {
        return java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    }
}
