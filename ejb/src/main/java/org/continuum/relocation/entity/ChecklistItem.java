package org.continuum.relocation.entity;

/**
 * The questions a relocation programme asks before it looks at an application. A programme names the ones it
 * requires; each is answered for a case as met, not met or unknown.
 */
public enum ChecklistItem {
    /** The person is a human-rights defender at risk because of that work. */
    DEFENDER_AT_RISK,
    /** The person was targeted because of their LGBTQIA+ identity or work. */
    TARGETED_FOR_LGBTQIA_IDENTITY,
    /** The person has already left the country of danger. */
    LEFT_COUNTRY_OF_DANGER,
    /** The person is still in the country of danger. */
    IN_COUNTRY_OF_DANGER,
    /** No durable solution where they are now (no safe stay, no integration). */
    NO_DURABLE_SOLUTION,
    /** The person wants to be resettled permanently, not a temporary stay. */
    WANTS_RESETTLEMENT,
    /** The person intends to return home after a temporary stay. */
    WILL_RETURN,
    /** Recognised as a refugee, or registered with UNHCR. */
    RECOGNISED_OR_REGISTERED_REFUGEE,
    /** Holds a passport valid for the stay, or can obtain one. */
    HAS_VALID_PASSPORT,
    /** Works as a writer, journalist, artist or cultural worker. */
    WRITER_ARTIST_OR_JOURNALIST,
    /** Works as a scholar or researcher. */
    SCHOLAR,
    /** Speaks one of the programme's working languages. */
    SPEAKS_WORKING_LANGUAGE,
    /** Can leave work and family for the length of the stay. */
    AVAILABLE_FOR_THE_STAY
}
