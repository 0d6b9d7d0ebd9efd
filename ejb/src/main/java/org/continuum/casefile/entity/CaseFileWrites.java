package org.continuum.casefile.entity;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import org.continuum.casefile.control.CaseFileChanges;

/** Tells {@link CaseFileChanges} of every case file written, so that kept counts end with the commit. */
public class CaseFileWrites {

    @PostPersist
    @PostUpdate
    @PostRemove
    void written(CaseFile caseFile) {
        CaseFileChanges changes = changes();
        if (changes != null) {
            changes.written();
        }
    }

    /** Outside a container (the unit tests' own persistence units) nothing keeps counts. */
    private static CaseFileChanges changes() {
        try {
            return CDI.current().select(CaseFileChanges.class).get();
        } catch (IllegalStateException e) {
            return null;
        }
    }
}
