package org.continuum.referral.control;

import java.io.Serializable;
import org.continuum.casefile.entity.SharedField;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a referral lets leave the organisation, computed in one place: the fields asked for, each checked against
 * the person's consent for that partner. A field without consent never enters the package, whatever the data and
 * whatever the form sent; asking for one is refused so that staff see why.
 */
public final class ReferralPackage {

    private ReferralPackage() {
    }

    /** One shared value. */
    public record Line(SharedField field, String value) implements Serializable {
    }

    /** The fields that actually left (consented, asked for and not empty) and their values. */
    public record Contents(String caseReference, Set<SharedField> shared, List<Line> lines) {

        /** The sealed form kept on the referral: a header line, then one {@code FIELD<TAB>value} line each. */
        public String stored() {
            StringBuilder text = new StringBuilder("REFERENCE\t").append(caseReference);
            lines.forEach(l -> text.append('\n').append(l.field().name()).append('\t').append(l.value()));
            return text.toString();
        }

        /** Reads {@link #stored()} back; lines naming no known field are dropped. */
        public static Contents parse(String stored) {
            String reference = null;
            List<Line> lines = new ArrayList<>();
            Set<SharedField> shared = EnumSet.noneOf(SharedField.class);
            for (String row : stored == null ? new String[0] : stored.split("\n")) {
                int tab = row.indexOf('\t');
                if (tab < 0) {
                    continue;
                }
                String name = row.substring(0, tab);
                String value = row.substring(tab + 1);
                if ("REFERENCE".equals(name)) {
                    reference = value;
                    continue;
                }
                for (SharedField f : SharedField.values()) {
                    if (f.name().equals(name)) {
                        lines.add(new Line(f, value));
                        shared.add(f);
                    }
                }
            }
            return new Contents(reference, shared, lines);
        }
    }

    /** Bundle keys ({@code referral.field.noConsent:FIELD}) for each field asked for without consent. */
    public static List<String> problems(Set<SharedField> requested, Set<SharedField> consented) {
        List<String> problems = new ArrayList<>();
        if (requested == null || requested.isEmpty()) {
            problems.add("referral.fields.required");
            return problems;
        }
        requested.stream().sorted().filter(f -> consented == null || !consented.contains(f))
                .forEach(f -> problems.add("referral.field.noConsent:" + f.name()));
        return problems;
    }

    /**
     * The package for the consented fields among those asked for. {@code available} holds the case's current values
     * (it may hold more than was asked for or consented: they are left out here).
     */
    public static Contents build(String caseReference, Map<SharedField, String> available, Set<SharedField> consented,
                                 Set<SharedField> requested) {
        Set<SharedField> allowed = EnumSet.noneOf(SharedField.class);
        if (requested != null && consented != null) {
            requested.stream().filter(consented::contains).forEach(allowed::add);
        }
        List<Line> lines = new ArrayList<>();
        Set<SharedField> shared = EnumSet.noneOf(SharedField.class);
        for (SharedField field : allowed) {
            String value = available == null ? null : available.get(field);
            if (value != null && !value.isBlank()) {
                lines.add(new Line(field, oneLine(value)));
                shared.add(field);
            }
        }
        return new Contents(caseReference, Collections.unmodifiableSet(shared), List.copyOf(lines));
    }

    private static String oneLine(String value) {
        return value.strip().replaceAll("[\\t\\r\\n]+", " ");
    }
}
