package org.continuum.retention.control;

import org.continuum.security.control.SealedColumns;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** What {@link Erasing} covers, for a test without a container: the sealed tables and those it does not place. */
public final class ErasingCoverage {

    private ErasingCoverage() {
    }

    public static Set<String> sealedTables(Collection<Class<?>> entities) {
        return SealedColumns.of(entities).keySet();
    }

    /** Whether erasure overwrites the sealed columns of {@code table} with the case file's. */
    public static boolean erasedWithCaseFile(String table) {
        return Erasing.whereCase(table) != null;
    }

    public static List<String> unplaced(Set<String> sealedTables) {
        return Erasing.unplaced(sealedTables);
    }
}
