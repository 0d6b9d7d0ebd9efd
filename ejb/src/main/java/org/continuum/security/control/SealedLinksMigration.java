package org.continuum.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.continuum.platform.control.NumberedMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Seals the facts that used to stand in clear beside a case (V17): the partner a case was referred to (by triage,
 * by a referral, in a consent), the relocation partner and destination, the partner who took over in exile, and the
 * summaries of the case timeline. Each clear column is copied, sealed row by row, into a new column and then
 * dropped, so an existing database keeps every fact and loses only the clear copy.
 */
@ApplicationScoped
public class SealedLinksMigration extends NumberedMigration {

    /** Table, clear column, sealed column, whether the sealed column may be empty. */
    record Move(String table, String clear, String sealed, boolean nullable) {
    }

    static final List<Move> MOVES = List.of(
            new Move("referral", "partner_id", "partner_enc", false),
            new Move("consent", "partner_id", "partner_enc", true),
            new Move("casefile", "referral_partner_id", "referral_partner_enc", true),
            new Move("casefile", "relocation_partner_id", "relocation_partner_enc", true),
            new Move("casefile", "handover_partner_id", "handover_partner_enc", true),
            new Move("casefile", "destination_country", "destination_enc", true),
            new Move("case_event", "summary", "summary_enc", true));

    @Inject
    FieldCipher cipher;

    public SealedLinksMigration() {
        super(17, "seal partner links, destinations and timeline summaries");
    }

    /** For a migration run outside the container (a test, a tool). */
    public SealedLinksMigration(FieldCipher cipher) {
        this();
        this.cipher = cipher;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        for (Move move : MOVES) {
            seal(connection, move);
        }
    }

    // The table and column names are the constants above, never input.
    private void seal(Connection connection, Move move) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE " + move.table() + " ADD COLUMN " + move.sealed() + " VARCHAR(400)");
        }
        try (Statement read = connection.createStatement();
             ResultSet rows = read.executeQuery("SELECT id, " + move.clear() + " FROM " + move.table()
                     + " WHERE " + move.clear() + " IS NOT NULL");
             PreparedStatement write = connection.prepareStatement(
                     "UPDATE " + move.table() + " SET " + move.sealed() + " = ? WHERE id = ?")) {
            while (rows.next()) {
                write.setString(1, cipher.seal(rows.getString(2)));
                write.setLong(2, rows.getLong(1));
                write.executeUpdate();
            }
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE " + move.table() + " DROP COLUMN " + move.clear());
            if (!move.nullable()) {
                ddl.execute("ALTER TABLE " + move.table() + " ALTER COLUMN " + move.sealed() + " SET NOT NULL");
            }
        }
    }
}
