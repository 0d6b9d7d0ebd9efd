package org.continuum.reference.boundary;

import java.io.Serializable;
import org.continuum.reference.entity.MeasureType;

/** A catalogue entry's name in each interface language; a language without one reads the English. */
public record Names(String en, String fr, String ar) implements Serializable {

    public static Names of(MeasureType type) {
        return new Names(type.name("en"), type.name("fr"), type.name("ar"));
    }

    /** The name for a reader of {@code language} ("en", "fr", "ar"). */
    public String in(String language) {
        String name = switch (language == null ? "en" : language) {
            case "fr" -> fr;
            case "ar" -> ar;
            default -> en;
        };
        return name == null || name.isBlank() ? en : name;
    }
}
