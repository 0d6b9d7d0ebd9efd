package org.continuum.reference.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import org.continuum.reference.control.Partners;
import org.continuum.identity.control.Caller;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.platform.control.InvalidInput;
import org.continuum.reference.entity.Situation;
import org.continuum.platform.control.Roles;
import org.continuum.reference.entity.Partner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The partner directory: every staff member reads it (public facts about organisations, no case content);
 * administrators keep it up to date, including the eligibility rules the referral desk matches cases against.
 */
@Stateless
@RolesAllowed({Roles.CASEWORKER, Roles.SECURITY_MENTOR, Roles.COORDINATOR, Roles.ADMIN})
public class PartnerDirectory {

    @Inject
    Partners partners;

    @Inject
    Caller currentCaller;

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    @Inject
    AuditTrail audit;

    public List<PartnerForm> list() {
        return partners.all().stream().map(PartnerDirectory::form).toList();
    }

    @RolesAllowed(Roles.ADMIN)
    public PartnerForm form(String code) {
        return find(code).map(PartnerDirectory::form).orElseThrow(() -> new InvalidInput("partner.unknown"));
    }

    /** Creates or changes a partner; every problem of the form is listed at once. Returns the partner's code. */
    @RolesAllowed(Roles.ADMIN)
    public String save(PartnerForm form) {
        if (form == null) {
            throw new InvalidInput("input.invalid");
        }
        List<String> problems = new ArrayList<>();
        String code = form.code() == null ? "" : form.code().strip().toLowerCase(Locale.ROOT);
        if (!code.matches("[a-z0-9][a-z0-9-]{1,59}")) {
            problems.add("partner.code.invalid");
        }
        List<String> services = codes(form.services(), "[a-z0-9-]{2,60}", "partner.service.invalid", problems);
        List<String> channels = codes(form.channels(), "(email|web|phone|form):.{3,300}", "partner.channel.invalid",
                problems);
        List<String> languages = codes(form.languages(), "[a-z]{2}", "partner.language.invalid", problems).stream()
                .filter(l -> {
                    if (!LANGUAGES.contains(l)) {
                        problems.add("partner.language.invalid");
                        return false;
                    }
                    return true;
                }).toList();
        List<String> countries = form.countries() == null ? List.of() : form.countries().stream()
                .map(c -> c.strip().toUpperCase(Locale.ROOT)).filter(c -> !c.isEmpty()).distinct().toList();
        if (!COUNTRIES.containsAll(countries)) {
            problems.add("partner.country.invalid");
        }
        List<String> situations = form.situations() == null ? List.of() : form.situations().stream()
                .filter(s -> Arrays.stream(Situation.values()).anyMatch(v -> v.name().equals(s))).toList();
        int answerDays = form.answerDays() == null ? Partner.DEFAULT_ANSWER_DAYS : form.answerDays();
        if (answerDays < 1 || answerDays > Partner.MAX_ANSWER_DAYS) {
            problems.add("partner.answerDays.range");
        }
        if (form.name() == null || form.name().isBlank() || form.name().strip().length() > 200) {
            problems.add("partner.name.required");
        }
        if (form.kind() == null) {
            problems.add("partner.kind.required");
        }
        if (services.isEmpty()) {
            problems.add("partner.services.required");
        }
        if (channels.isEmpty()) {
            problems.add("partner.channels.required");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.stream().distinct().toList());
        }
        String by = currentCaller.username();
        Partner partner = find(code).orElse(null);
        boolean created = partner == null;
        if (created) {
            partner = new Partner(code, form.name().strip(), form.kind(), services, languages.isEmpty()
                    ? List.of("en") : languages, channels, null, null);
        }
        Partner target = partner;
        InvalidInput.whenRefused(() -> target.edit(form.name(), form.kind(), services, languages, channels,
                form.statedLimits(), form.website(), new Partner.Rules(situations, countries,
                        form.requiresTargetedForWork(), answerDays), form.active(), by, Instant.now()));
        if (created) {
            partners.add(partner);
        }
        audit.record(by, AuditAction.PARTNER_SAVED, null, "partner=" + code + (created ? " created" : ""));
        return code;
    }

    private java.util.Optional<Partner> find(String code) {
        return partners.byCode(code == null ? "" : code);
    }

    private static List<String> codes(List<String> raw, String pattern, String problem, List<String> problems) {
        if (raw == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (String item : raw) {
            String value = item == null ? "" : item.strip();
            if (value.isEmpty()) {
                continue;
            }
            if (!value.matches(pattern)) {
                problems.add(problem);
            } else if (!result.contains(value)) {
                result.add(value);
            }
        }
        return result;
    }

    private static PartnerForm form(Partner p) {
        Partner.Rules rules = p.rules();
        return new PartnerForm(p.getCode(), p.getName(), p.getKind(), p.getServices(), p.getLanguages(),
                p.getContactChannels(), p.getStatedLimits(), p.getWebsite(), rules.situations(), rules.countries(),
                rules.requiresTargetedForWork(), rules.answerDays(), p.isActive(), p.getEditedBy());
    }

    public record PartnerForm(String code, String name, Partner.Kind kind, List<String> services,
                              List<String> languages, List<String> channels, String statedLimits, String website,
                              List<String> situations, List<String> countries, boolean requiresTargetedForWork,
                              Integer answerDays, boolean active, String editedBy) implements Serializable {
    }
}
