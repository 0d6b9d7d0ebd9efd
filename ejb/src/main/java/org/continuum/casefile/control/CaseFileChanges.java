package org.continuum.casefile.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.continuum.platform.control.CommittedChanges;

/**
 * A counter of committed changes to case files on this server, so that a count of case files can be kept until the
 * next change (see {@link CommittedChanges}: it moves after the commit that wrote a case file).
 */
@ApplicationScoped
public class CaseFileChanges extends CommittedChanges {

    /** Called for every case file written (inserted, updated, deleted) in the current transaction. */
    public void written() {
        changed();
    }

    /** Whether the current transaction has written a case file (its counts must come from the database). */
    public boolean writtenInThisTransaction() {
        return changedInThisTransaction();
    }
}
