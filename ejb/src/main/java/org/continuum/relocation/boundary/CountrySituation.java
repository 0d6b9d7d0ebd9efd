package org.continuum.relocation.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.casefile.entity.RiskLevel;
import org.continuum.platform.control.Roles;
import org.continuum.relocation.control.Routes;
import org.continuum.relocation.entity.CountryFact;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A country's situation profile, shown as context at triage, in the risk assessment and when choosing a route. It
 * never changes a risk level by itself: a mentor may add its summary as a threat, which the assessment then weighs.
 * Reference data (no personal data), so reading it is not audited.
 */
@Stateless
@RolesAllowed({Roles.CASEWORKER, Roles.SECURITY_MENTOR, Roles.COORDINATOR})
public class CountrySituation {

    @Inject
    Routes routes;

    public Optional<Profile> of(String country) {
        return routes.profile(country).map(p -> new Profile(p.getCode(), p.getName(), p.getRiskLevel(),
                p.getExitRestrictions(), p.getTeamNotes(), routes.facts(p.getCode()).stream()
                .map(f -> new Fact(f.getTopic(), f.getFact(), f.getSource(), f.getCheckedOn())).toList()));
    }

    public record Fact(CountryFact.Topic topic, String text, String source, LocalDate checkedOn) {
    }

    public record Profile(String code, String name, RiskLevel riskLevel, String exitRestrictions, String teamNotes,
                          List<Fact> facts) {

        /** The sentence a mentor adds as a threat with one click: the level and the first legal fact. */
        public String threatSummary() {
            String first = facts.stream().filter(f -> f.topic() == CountryFact.Topic.LGBTQIA_LAW).findFirst()
                    .or(() -> facts.stream().findFirst()).map(Fact::text).orElse("");
            String text = "Country situation (" + name + ", " + riskLevel + ")" + (first.isEmpty() ? "" : ": " + first);
            return text.length() > 480 ? text.substring(0, 480) : text;
        }
    }
}
