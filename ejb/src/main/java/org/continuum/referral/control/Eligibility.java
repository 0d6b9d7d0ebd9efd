package org.continuum.referral.control;

import java.io.Serializable;
import org.continuum.casefile.entity.RequestType;
import org.continuum.reference.entity.Situation;
import org.continuum.reference.entity.Partner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches a case against the rules a partner states, to suggest partners on the referral desk. A hint, not a gate:
 * staff may still refer elsewhere, but they see why a partner may turn the person away (wrong situation, country,
 * no shared language, not targeted because of their work) before sharing anything.
 */
public final class Eligibility {

    /** Services that answer each kind of request (partner service codes from the directory). */
    static final Map<RequestType, Set<String>> SERVICES_FOR = Map.of(
            RequestType.RELOCATION, Set.of("emergency-relocation", "resettlement", "relocation-advice",
                    "travel-funding", "academic-placement"),
            RequestType.EMERGENCY_AID, Set.of("protection-grants", "emergency-assistance", "emergency-support",
                    "rapid-response", "journalist-assistance"),
            RequestType.LEGAL_SUPPORT, Set.of("legal-support", "refugee-status", "trial-observation"),
            RequestType.PSYCHOSOCIAL_SUPPORT, Set.of("psychosocial-support", "counselling", "peer-support",
                    "community-support", "moderated-forum", "helpline-directory"),
            RequestType.DIGITAL_SECURITY, Set.of("digital-security", "security-training", "holistic-security"),
            RequestType.PROTECTION_SUPPORT, Set.of("holistic-security", "protective-accompaniment",
                    "security-support", "urgent-interventions", "urgent-actions", "safe-places",
                    "solidarity-networks", "protection-support"));

    private Eligibility() {
    }

    /** What the matching reads of a case: no identity, only the facts partners state rules about. */
    public record Profile(Situation situation, String country, List<String> languages, RequestType requestType,
                          Boolean targetedForWork) implements Serializable {
    }

    /**
     * {@code matches} and {@code problems} are bundle keys, some with an argument ({@code key:arg}). Eligible means
     * no stated rule excludes the case; suggested means eligible and offering a service the request asks for.
     */
    public record Hint(boolean eligible, boolean suggested, List<String> matches, List<String> problems) implements Serializable {
    }

    public static Hint of(Partner.Rules rules, List<String> partnerLanguages, List<String> services, Profile profile) {
        List<String> matches = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!rules.situations().isEmpty()) {
            if (profile.situation() != null && rules.situations().contains(profile.situation().name())) {
                matches.add("referral.hint.situation");
            } else {
                problems.add("referral.hint.situation.no");
            }
        }
        if (!rules.countries().isEmpty()) {
            if (rules.countries().contains(profile.country())) {
                matches.add("referral.hint.country:" + profile.country());
            } else {
                problems.add("referral.hint.country.no");
            }
        }
        if (rules.requiresTargetedForWork()) {
            if (Boolean.TRUE.equals(profile.targetedForWork())) {
                matches.add("referral.hint.targeted");
            } else {
                problems.add(profile.targetedForWork() == null ? "referral.hint.targeted.unknown"
                        : "referral.hint.targeted.no");
            }
        }
        List<String> common = profile.languages() == null ? List.of()
                : profile.languages().stream().filter(partnerLanguages::contains).toList();
        if (common.isEmpty()) {
            problems.add("referral.hint.language.no");
        } else {
            matches.add("referral.hint.language:" + String.join(", ", common));
        }
        Set<String> wanted = profile.requestType() == null ? Set.of()
                : SERVICES_FOR.getOrDefault(profile.requestType(), Set.of());
        List<String> offered = services.stream().filter(wanted::contains).toList();
        offered.forEach(s -> matches.add("referral.hint.service:" + s));
        boolean eligible = problems.isEmpty();
        return new Hint(eligible, eligible && !offered.isEmpty(), List.copyOf(matches), List.copyOf(problems));
    }
}
