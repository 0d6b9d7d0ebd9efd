package org.continuum.casefile.entity;

/**
 * A piece of a case file that may leave the organisation in a referral, one consent each. The person decides field
 * by field what a partner may receive; {@code identifying} marks the fields that alone could expose them.
 */
public enum SharedField {
    LEGAL_NAME(true),
    CONTACT(true),
    LOCATION(true),
    COUNTRY(false),
    LANGUAGES(false),
    SITUATION(false),
    REQUEST_TYPE(false),
    RISK_LEVEL(false),
    THREATS(true);

    private final boolean identifying;

    SharedField(boolean identifying) {
        this.identifying = identifying;
    }

    public boolean isIdentifying() {
        return identifying;
    }

    /** Reads the stored {@code A|B|C} form; unknown names are ignored (a renamed field is consent withdrawn). */
    public static java.util.Set<SharedField> parse(String stored) {
        java.util.Set<SharedField> fields = java.util.EnumSet.noneOf(SharedField.class);
        if (stored == null || stored.isBlank()) {
            return fields;
        }
        for (String name : stored.split("\\|")) {
            for (SharedField f : values()) {
                if (f.name().equals(name)) {
                    fields.add(f);
                }
            }
        }
        return fields;
    }

    public static String format(java.util.Collection<SharedField> fields) {
        return String.join("|", fields.stream().sorted().map(Enum::name).toList());
    }
}
