package org.continuum.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Creates and evolves the whole schema, ours and the workflow engine's, with Flyway. SQL migrations live in
 * {@code db/migration/common} (portable SQL for H2 and PostgreSQL) and {@code db/migration/<vendor>}; other
 * modules contribute Java migrations as CDI beans (the workflow module adds the engine's tables). Runs outside any
 * transaction because Flyway commits per migration itself.
 */
@ApplicationScoped
public class DatabaseMigration {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = "java:jboss/datasources/ContinuumDS")
    DataSource dataSource;

    @Inject
    Instance<JavaMigration> contributed;

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public MigrateResult migrate() {
        return migrate(dataSource, contributed.stream().toArray(JavaMigration[]::new));
    }

    public static MigrateResult migrate(DataSource dataSource, JavaMigration... javaMigrations) {
        Flyway flyway = Flyway.configure(DatabaseMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor(dataSource))
                .failOnMissingLocations(false)
                .javaMigrations(javaMigrations)
                .validateMigrationNaming(true)
                .cleanDisabled(true)
                .load();
        MigrateResult result = flyway.migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " ("
                + result.migrationsExecuted + " migration(s) applied now)");
        return result;
    }

    /**
     * The folder of the database's own migrations: "postgresql" or "h2", from the driver's product name. (Core
     * Flyway does not resolve a {vendor} placeholder in a location; only Spring Boot does.)
     */
    static String vendor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).replace(" ", "");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read which database this is", e);
        }
    }
}
