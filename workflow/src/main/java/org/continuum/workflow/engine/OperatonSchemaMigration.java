package org.continuum.workflow.engine;

import jakarta.enterprise.context.ApplicationScoped;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Creates the engine's tables as a Flyway migration, so the whole schema has one owner and one history. It runs the
 * create scripts shipped inside the engine jar for the detected database (nothing is copied into this project);
 * the engine itself starts with {@code databaseSchemaUpdate=false} and only checks that the tables exist. An engine
 * upgrade adds a migration that runs the engine's own upgrade scripts the same way.
 */
@ApplicationScoped
public class OperatonSchemaMigration implements JavaMigration {

    static final String ENGINE_VERSION = "1.0.3";
    private static final List<String> COMPONENTS = List.of("engine", "history", "identity", "case.engine",
            "case.history", "decision.engine", "decision.history");

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("1.1");
    }

    @Override
    public String getDescription() {
        return "operaton " + ENGINE_VERSION + " engine schema";
    }

    @Override
    public Integer getChecksum() {
        return ENGINE_VERSION.hashCode();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        apply(context.getConnection());
    }

    public static void apply(Connection connection) throws SQLException, IOException {
        String vendor = vendor(connection.getMetaData().getDatabaseProductName());
        try (Statement statement = connection.createStatement()) {
            for (String component : COMPONENTS) {
                for (String sql : statements(script(vendor, component))) {
                    statement.execute(sql);
                }
            }
        }
    }

    static String vendor(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.contains("h2")) {
            return "h2";
        }
        if (name.contains("postgres")) {
            return "postgres";
        }
        throw new IllegalStateException("Unsupported database for the workflow engine: " + productName);
    }

    private static String script(String vendor, String component) throws IOException {
        String path = "org/operaton/bpm/engine/db/create/activiti." + vendor + ".create." + component + ".sql";
        try (InputStream in = OperatonSchemaMigration.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The engine jar has no script " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The engine's scripts hold plain DDL/DML: one statement per ';' at a line end, '--' comment lines. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                statements.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(trimmed).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
