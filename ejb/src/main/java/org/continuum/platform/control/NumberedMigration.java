package org.continuum.platform.control;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Java migration of this application: a whole version number, a description, run in Flyway's transaction. Its
 * checksum is its version number, fixed, so that improving the code of an applied migration (a comment, a faster
 * loop) does not make Flyway refuse the databases it already ran on.
 */
public abstract class NumberedMigration implements JavaMigration {

    private final int version;
    private final String description;

    protected NumberedMigration(int version, String description) {
        this.version = version;
        this.description = description;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(Integer.toString(version));
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return version;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
