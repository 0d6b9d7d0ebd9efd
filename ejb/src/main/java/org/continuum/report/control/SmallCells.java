package org.continuum.report.control;

/**
 * Small-cell suppression: in a breakdown that could point at a person (a country and a category, say), a count from
 * 1 to 4 is shown as "<5". Zero and five or more are shown as they are.
 */
public final class SmallCells {

    public static final int THRESHOLD = 5;
    public static final String SUPPRESSED = "<5";

    private SmallCells() {
    }

    public static String shown(long count) {
        return count > 0 && count < THRESHOLD ? SUPPRESSED : Long.toString(count);
    }
}
