package org.continuum.platform;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;

/** What Flyway hands a Java migration, for a test that runs one on a connection of its own. */
public final class MigrationContext {

    private MigrationContext() {
    }

    public static Context on(Connection db) {
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return db;
            }
        };
    }
}
