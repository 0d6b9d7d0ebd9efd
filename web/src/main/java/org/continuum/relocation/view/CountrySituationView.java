package org.continuum.relocation.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.relocation.boundary.CountrySituation;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A country's situation profile for the page being drawn ({@code WEB-INF/includes/country-situation.xhtml}). */
@Named
@RequestScoped
public class CountrySituationView {

    @Inject
    CountrySituation situations;

    private final Map<String, Optional<CountrySituation.Profile>> read = new HashMap<>();

    /** The profile of the country, or null when the organisation keeps none for it. */
    public CountrySituation.Profile of(String country) {
        if (country == null || country.isBlank()) {
            return null;
        }
        return read.computeIfAbsent(country, situations::of).orElse(null);
    }
}
