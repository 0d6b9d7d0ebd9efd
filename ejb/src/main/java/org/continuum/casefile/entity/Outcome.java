package org.continuum.casefile.entity;

/** How a case file ended. Closures of relocated cases need a coordinator's sign-off. */
public enum Outcome {
    SAFE_IN_PLACE,
    RELOCATED_AND_SAFE,
    REFERRED,
    LOST_CONTACT,
    WITHDREW,
    INELIGIBLE,
    UNVERIFIABLE,
    MERGED_DUPLICATE;

    /** Outcomes a caseworker or mentor may choose when closing a running case (the others come from triage). */
    public boolean isChosenAtClosure() {
        return this != INELIGIBLE && this != UNVERIFIABLE && this != MERGED_DUPLICATE;
    }
}
