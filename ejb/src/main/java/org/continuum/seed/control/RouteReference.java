package org.continuum.seed.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.casefile.entity.RiskLevel;
import org.continuum.reference.entity.Partner;
import org.continuum.relocation.entity.ChecklistItem;
import org.continuum.relocation.entity.CountryFact;
import org.continuum.relocation.entity.CountryProfile;
import org.continuum.relocation.entity.Programme;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The reference data of relocation routes, from {@code seeds/reference/}: country situation profiles with their
 * facts, and relocation programmes. Validated line by line like every seed file; loaded at every start. A country
 * whose profile or facts changed in the file gets an audit event naming the country, so the trail shows when the
 * team's picture of a country changed.
 */
@ApplicationScoped
public class RouteReference {

    static final String ACTOR = "system";

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    private static InputStream resource(String path) {
        return RouteReference.class.getClassLoader().getResourceAsStream("seeds/" + path);
    }

    /** Loads the profiles and their facts; returns how many profiles the file holds. */
    public int loadCountries() {
        List<CountryProfile> profiles = readProfiles(resource("reference/countries.csv"));
        Set<String> codes = profiles.stream().map(CountryProfile::getCode).collect(Collectors.toSet());
        List<CountryFact> facts = readFacts(resource("reference/country-facts.csv"), codes);
        Map<String, List<CountryFact>> factsByCountry = new LinkedHashMap<>();
        facts.forEach(f -> factsByCountry.computeIfAbsent(f.getCountry(), c -> new ArrayList<>()).add(f));
        Instant now = Instant.now();
        for (CountryProfile loaded : profiles) {
            List<CountryFact> itsFacts = factsByCountry.getOrDefault(loaded.getCode(), List.of());
            String digest = digest(loaded, itsFacts);
            CountryProfile current = em.find(CountryProfile.class, loaded.getCode());
            boolean changed;
            if (current == null) {
                loaded.stamp(digest, now);
                em.persist(loaded);
                changed = true;
            } else {
                changed = current.update(loaded, digest, now);
            }
            if (changed) {
                em.createQuery("delete from CountryFact f where f.country = :c").setParameter("c", loaded.getCode())
                        .executeUpdate();
                itsFacts.forEach(em::persist);
                audit.record(ACTOR, AuditAction.COUNTRY_PROFILE_CHANGED, null, "country=" + loaded.getCode()
                        + " risk=" + loaded.getRiskLevel() + " facts=" + itsFacts.size());
            }
        }
        return profiles.size();
    }

    public static List<CountryProfile> readProfiles(InputStream in) {
        return SeedFile.read("seeds/reference/countries.csv", in,
                List.of("code", "name", "risk_level", "exit_restrictions", "team_notes"),
                line -> new CountryProfile(line.country("code"), line.required("name"),
                        line.enumValue("risk_level", RiskLevel.class), line.optional("exit_restrictions"),
                        line.optional("team_notes")));
    }

    public static List<CountryFact> readFacts(InputStream in, Set<String> profiles) {
        Map<String, Integer> positions = new HashMap<>();
        return SeedFile.read("seeds/reference/country-facts.csv", in,
                List.of("country", "topic", "fact", "source", "checked_on"), line -> {
                    String country = line.country("country");
                    if (country != null && line.isCountry(country) && !profiles.contains(country)) {
                        line.error("country", "'" + country + "' has no line in countries.csv");
                    }
                    String fact = line.required("fact");
                    if (fact != null && fact.length() > 1000) {
                        line.error("fact", "is longer than 1000 characters");
                    }
                    String source = line.required("source");
                    if (source != null && source.length() > 500) {
                        line.error("source", "is longer than 500 characters");
                    }
                    CountryFact.Topic topic = line.enumValue("topic", CountryFact.Topic.class);
                    java.time.LocalDate checked = line.date("checked_on");
                    if (checked != null && checked.isAfter(java.time.LocalDate.now().plusDays(1))) {
                        line.error("checked_on", "'" + checked + "' is in the future");
                    }
                    if (country == null || topic == null || fact == null || source == null || checked == null) {
                        return null;
                    }
                    int position = positions.merge(country, 1, Integer::sum);
                    return new CountryFact(country, position, topic, fact, source, checked);
                });
    }

    private static String digest(CountryProfile profile, List<CountryFact> facts) {
        StringBuilder all = new StringBuilder(profile.getName()).append('\u001e').append(profile.getRiskLevel())
                .append('\u001e').append(profile.getExitRestrictions()).append('\u001e')
                .append(profile.getTeamNotes());
        facts.forEach(f -> all.append('\u001e').append(f.digestLine()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(all.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads the programmes (upserted by code); returns how many the file holds. */
    public int loadProgrammes() {
        Set<String> partnerCodes = em.createQuery("select p from Partner p", Partner.class).getResultList().stream()
                .map(Partner::getCode).collect(Collectors.toSet());
        List<Programme> parsed = readProgrammes(resource("reference/programmes.csv"), partnerCodes);
        Map<String, Programme> existing = new HashMap<>();
        em.createQuery("select p from Programme p", Programme.class).getResultList()
                .forEach(p -> existing.put(p.getCode(), p));
        for (Programme loaded : parsed) {
            Programme current = existing.get(loaded.getCode());
            if (current == null) {
                em.persist(loaded);
            } else {
                current.update(loaded);
            }
        }
        return parsed.size();
    }

    public static List<Programme> readProgrammes(InputStream in, Set<String> partnerCodes) {
        return SeedFile.read("seeds/reference/programmes.csv", in,
                List.of("code", "name", "kind", "destinations", "referred_through", "checklist", "places_per_year",
                        "our_places_per_year", "required_documents", "processing_days", "stay_months",
                        "not_fitting", "source", "checked_on"), line -> {
                    Programme.Kind kind = line.enumValue("kind", Programme.Kind.class);
                    List<String> destinations = line.countries("destinations", false);
                    List<String> through = line.list("referred_through", true,
                            r -> Programme.DIRECT.equals(r) || partnerCodes.contains(r) ? null
                                    : "'" + r + "' is neither \"direct\" nor a partner code of partners.csv");
                    List<ChecklistItem> checklist = line.list("checklist", true, i -> isItem(i) ? null
                            : "'" + i + "' is not one of " + Arrays.toString(ChecklistItem.values())).stream()
                            .map(ChecklistItem::valueOf).toList();
                    Integer places = line.optionalInteger("places_per_year", 1, 1_000_000);
                    Integer ours = line.optionalInteger("our_places_per_year", 0, 1_000_000);
                    if (places != null && ours != null && ours > places) {
                        line.error("our_places_per_year", ours + " is more than the programme's " + places);
                    }
                    List<String> documents = line.list("required_documents", false, d -> d.matches("[a-z0-9-]+")
                            ? null : "document '" + d + "' must be a lower-case code");
                    int days = line.integer("processing_days", 1, 730);
                    Integer stay = line.optionalInteger("stay_months", 1, 120);
                    if (kind == Programme.Kind.TEMPORARY_RELOCATION && stay == null) {
                        line.error("stay_months", "is required for a temporary relocation");
                    }
                    String source = line.required("source");
                    java.time.LocalDate checked = line.date("checked_on");
                    String code = line.code("code");
                    String name = line.required("name");
                    if (kind == null || code == null || name == null || source == null || checked == null) {
                        return null;
                    }
                    return new Programme(code, name, kind, destinations, through, checklist, places, ours,
                            documents, days, stay, line.optional("not_fitting"), source, checked);
                });
    }

    private static boolean isItem(String name) {
        return Arrays.stream(ChecklistItem.values()).anyMatch(i -> i.name().equals(name));
    }
}
