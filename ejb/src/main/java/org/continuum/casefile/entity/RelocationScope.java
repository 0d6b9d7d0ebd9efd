package org.continuum.casefile.entity;

/**
 * How far a relocation goes, with the continuum step it stands on. Every lower step needs evidence that it was
 * tried or is not feasible before a relocation may be proposed.
 */
public enum RelocationScope {
    TEMPORARY_INTERNAL(5),
    REGIONAL(5),
    INTERNATIONAL(6);

    private final int continuumStep;

    RelocationScope(int continuumStep) {
        this.continuumStep = continuumStep;
    }

    public int continuumStep() {
        return continuumStep;
    }
}
