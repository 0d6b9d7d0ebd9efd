package org.continuum.intake.control;

import java.io.Serializable;
import org.continuum.casefile.entity.RequestType;
import org.continuum.platform.control.InvalidInput;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a person at risk sends through the public request form, checked at the boundary: every problem is a key of
 * the public bundle ({@code request.*}), never the input itself. {@link #details()} is the record of the answers
 * kept (sealed) with the draft, one {@code key=value} line each, values URL-encoded so no answer can forge a line.
 *
 * @param name          how the person wants to be called (a name they choose)
 * @param situation     what is happening to them, in their words
 * @param country       ISO 3166 code of where they are
 * @param city          optional
 * @param needs         what they ask for
 * @param languages     ISO 639-1 codes of the languages they read
 * @param messenger     optional messenger handle they allow us to use
 * @param never         the ways we must never use to reach them
 * @param consentStorage consent to keeping the request (required)
 * @param sharing       the purposes for which the request may be shared with partner organisations (optional)
 */
public record PublicRequest(String name, String situation, String country, String city, Set<RequestType> needs,
                            List<String> languages, String messenger, Set<Never> never, boolean consentStorage,
                            Set<RequestType> sharing) implements Serializable {

    /** Ways of contact a person can forbid. */
    public enum Never { PHONE_CALL, SMS, EMAIL, HOME_VISIT, CONTACT_THROUGH_FAMILY }

    public static final int NAME_MAX = 100;
    public static final int SITUATION_MAX = 5000;
    public static final int CITY_MAX = 100;
    public static final int MESSENGER_MAX = 200;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGE_CODES = Set.of(Locale.getISOLanguages());
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");

    public PublicRequest {
        needs = needs == null || needs.isEmpty() ? Set.of() : Set.copyOf(needs);
        languages = languages == null ? List.of() : List.copyOf(languages);
        never = never == null || never.isEmpty() ? Set.of() : Set.copyOf(never);
        sharing = sharing == null || sharing.isEmpty() ? Set.of() : Set.copyOf(sharing);
        name = clean(name);
        situation = clean(situation);
        city = clean(city);
        messenger = clean(messenger);
        country = country == null ? null : country.strip().toUpperCase(Locale.ROOT);
    }

    /** Refuses the request with every problem at once. */
    public PublicRequest checked() {
        List<String> problems = new ArrayList<>();
        if (name == null) {
            problems.add("request.name.required");
        } else if (name.length() > NAME_MAX) {
            problems.add("request.name.tooLong");
        }
        if (situation == null) {
            problems.add("request.situation.required");
        } else if (situation.length() > SITUATION_MAX) {
            problems.add("request.situation.tooLong");
        }
        if (country == null || !COUNTRIES.contains(country)) {
            problems.add("request.country.required");
        }
        if (city != null && city.length() > CITY_MAX) {
            problems.add("request.city.tooLong");
        }
        if (needs.isEmpty()) {
            problems.add("request.needs.required");
        }
        if (languages.isEmpty()) {
            problems.add("request.languages.required");
        } else if (languages.size() > 10 || !LANGUAGE_CODES.containsAll(languages)) {
            problems.add("request.languages.invalid");
        }
        if (messenger != null && messenger.length() > MESSENGER_MAX) {
            problems.add("request.messenger.tooLong");
        }
        if (!consentStorage) {
            problems.add("request.consent.required");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return this;
    }

    /** The answers as kept with the draft (the situation is kept as the draft's text). */
    public String details() {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("country", country);
        lines.put("city", city);
        lines.put("needs", names(needs));
        lines.put("languages", String.join(",", languages));
        lines.put("messenger", messenger);
        lines.put("never", names(never));
        lines.put("consentStorage", Boolean.toString(consentStorage));
        lines.put("sharing", names(sharing));
        return lines.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("\n"));
    }

    /** Reads {@link #details()} back, with {@code name} and {@code situation} kept apart by the draft. */
    public static PublicRequest fromDetails(String name, String situation, String details) {
        Map<String, String> values = new LinkedHashMap<>();
        if (details != null) {
            for (String line : details.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.put(line.substring(0, eq), URLDecoder.decode(line.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return new PublicRequest(name, situation, values.get("country"), values.get("city"),
                enums(RequestType.class, values.get("needs")), list(values.get("languages")), values.get("messenger"),
                enums(Never.class, values.get("never")), Boolean.parseBoolean(values.get("consentStorage")),
                enums(RequestType.class, values.get("sharing")));
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String stripped = CONTROL.matcher(value).replaceAll("").strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private static String names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static List<String> list(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static <E extends Enum<E>> Set<E> enums(Class<E> type, String joined) {
        Set<E> set = EnumSet.noneOf(type);
        for (String name : list(joined)) {
            set.add(Enum.valueOf(type, name));
        }
        return set;
    }

    /** No answers in logs or exception traces. */
    @Override
    public String toString() {
        return "PublicRequest[" + needs + "]";
    }
}
