package org.continuum.protection.entity;

/** Where a protective measure stands. Only measures actually tried count as evidence for escalation. */
public enum MeasureStatus {
    PLANNED(false),
    IN_PROGRESS(true),
    DONE(true),
    NOT_EFFECTIVE(true),
    NOT_FEASIBLE(false),
    CANCELLED(false);

    private final boolean tried;

    MeasureStatus(boolean tried) {
        this.tried = tried;
    }

    public boolean isTried() {
        return tried;
    }
}
