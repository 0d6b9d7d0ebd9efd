package org.continuum.seed.control;

import java.util.List;

/** Seed files that cannot be loaded; the message lists every problem found, one per line. */
public class SeedError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public SeedError(List<String> problems) {
        super("Seed data is invalid:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
