package org.continuum.casefile.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.continuum.platform.control.DatabaseSequences;

/** Draws case numbers from the {@code casefile_number_seq} database sequence. */
@ApplicationScoped
public class CaseNumbers {

    static final String SEQUENCE = "casefile_number_seq";

    @Inject
    DatabaseSequences sequences;

    public long next() {
        return sequences.next(SEQUENCE);
    }
}
