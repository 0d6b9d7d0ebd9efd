package org.continuum.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * V39: the tables that hold sealed columns draw their ids from a sequence instead of the database's identity column,
 * so a row's id is known before its insert (a sealed value can then be bound to the row it belongs to). Each table
 * gets {@code <table>_ids}, starting above its highest id and stepping by {@link #ALLOCATION} (Hibernate hands out
 * the ids in between, pooled-lo); the identity default is dropped, so a row inserted without an id fails at once
 * instead of colliding later with an id the application already gave out.
 */
@ApplicationScoped
public class RowIdSequences extends NumberedMigration {

    /** Ids Hibernate takes per sequence call; the entities' {@code allocationSize} must say the same. */
    public static final int ALLOCATION = 50;

    /** The tables of V39, frozen: a sealed table added later creates its sequence in its own migration. */
    public static final List<String> TABLES = List.of("app_user", "break_glass", "casefile", "case_event", "consent",
            "retention_rule_change", "erasure", "disbursement", "grant_request", "grant_decision", "case_document",
            "safe_place", "protection_measure", "escalation", "risk_assessment", "safety_plan", "referral",
            "mail_intake", "request_message", "mail_attachment", "dependant", "route_application", "travel_document");

    public RowIdSequences() {
        super(39, "ids of sealed tables from sequences");
    }

    /** The sequence of a table's ids. */
    public static String sequenceOf(String table) {
        return table + "_ids";
    }

    // The table names are the constants above, never input.
    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        for (String table : TABLES) {
            long start;
            try (Statement read = connection.createStatement();
                 ResultSet max = read.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
                max.next();
                start = max.getLong(1) + 1;
            }
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE SEQUENCE " + sequenceOf(table) + " START WITH " + start + " INCREMENT BY "
                        + ALLOCATION);
                ddl.execute("ALTER TABLE " + table + " ALTER COLUMN id DROP IDENTITY");
            }
        }
    }
}
