package org.continuum.security.control;

import com.google.crypto.tink.Aead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.continuum.platform.control.NumberedMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * V40: every sealed value moves from the one field key to the data key of its case file or mail draft
 * ({@link SealingKeys}), bound to its table, column and row ({@link SealingListener}). Each value is opened with the
 * field key and sealed again in place, table by table, in one transaction: an existing database keeps every value.
 * The sealed text columns grow by {@link #WIDER} characters for the header that names the scope. A case file already
 * erased gets a key that is destroyed at once.
 */
@ApplicationScoped
public class RowSealingMigration extends NumberedMigration {

    private static final Logger LOG = Logger.getLogger(RowSealingMigration.class.getName());
    static final int WIDER = 32;
    private static final int BATCH = 500;

    /**
     * A sealed table as of V40: its sealed columns, the columns that name a row (joined by "/" as the row's id
     * reads), the SQL of each row's scope, and the join that SQL needs.
     */
    record Table(String name, List<String> sealed, List<String> key, String scope, String join) {
    }

    private static Table ofCase(String name, String... sealed) {
        return new Table(name, List.of(sealed), List.of("id"), "'case-' || t.casefile_id", "");
    }

    private static Table general(String name, List<String> key, String... sealed) {
        return new Table(name, List.of(sealed), key, "'general'", "");
    }

    static final List<Table> TABLES = List.of(
            new Table("casefile", List.of("legal_name_enc", "contact_enc", "location_enc", "triage_note_enc",
                    "referral_partner_enc", "relocation_partner_enc", "destination_enc", "handover_partner_enc"),
                    List.of("id"), "'case-' || t.id", ""),
            ofCase("break_glass", "reason_enc"),
            ofCase("case_event", "summary_enc", "note_enc"),
            new Table("case_retention", List.of("hold_reason_enc", "extension_reason_enc"), List.of("casefile_id"),
                    "'case-' || t.casefile_id", ""),
            ofCase("consent", "partner_enc"),
            ofCase("dependant", "name_enc", "birth_year_enc"),
            new Table("disbursement", List.of("reference_enc", "proof_enc"), List.of("id"),
                    "'case-' || o.casefile_id", " JOIN grant_request o ON o.id = t.grant_id"),
            ofCase("escalation", "justification_enc", "decision_note_enc"),
            new Table("escalation_evidence", List.of("reason_enc"), List.of("escalation_id", "continuum_step"),
                    "'case-' || o.casefile_id", " JOIN escalation o ON o.id = t.escalation_id"),
            new Table("grant_decision", List.of("reason_enc"), List.of("id"),
                    "'case-' || o.casefile_id", " JOIN grant_request o ON o.id = t.grant_id"),
            ofCase("grant_request", "purpose_enc"),
            new Table("mail_attachment", List.of("file_name_enc", "content_enc"), List.of("id"),
                    "'draft-' || t.mail_intake_id", ""),
            new Table("mail_intake", List.of("sender_enc", "subject_enc", "body_enc", "details_enc"), List.of("id"),
                    "'draft-' || t.id", ""),
            new Table("case_document", List.of("file_name_enc", "description_enc", "content_enc"), List.of("id"),
                    "CASE WHEN t.mail_intake_id IS NOT NULL THEN 'draft-' || t.mail_intake_id"
                            + " ELSE 'case-' || t.casefile_id END", ""),
            ofCase("protection_measure", "note_enc", "addresses_enc", "outcome_enc"),
            ofCase("referral", "partner_enc", "package_enc", "message_enc", "answer_note_enc", "outcome_note_enc"),
            new Table("request_message", List.of("body_enc"), List.of("id"), "'draft-' || t.mail_intake_id", ""),
            ofCase("risk_assessment", "override_reason_enc"),
            new Table("risk_factor", List.of("actor_enc", "description_enc"), List.of("assessment_id", "position"),
                    "'case-' || o.casefile_id", " JOIN risk_assessment o ON o.id = t.assessment_id"),
            ofCase("route_application", "programme_enc", "answers_enc", "note_enc", "travel_on_enc"),
            ofCase("safety_plan", "contacts_enc", "code_words_enc", "safe_routes_enc", "if_then_enc", "devices_enc",
                    "accounts_enc", "compromise_signs_enc"),
            ofCase("travel_document", "issuing_country_enc", "number_enc"),
            general("app_user", List.of("id"), "totp_secret_enc"),
            general("erasure", List.of("id"), "reason_enc"),
            general("programme_year", List.of("programme_id", "year_number"), "allocation_reason_enc"),
            general("retention_rule_change", List.of("id"), "reason_enc"),
            general("safe_place", List.of("id"), "address_enc", "contact_enc"));

    @Inject
    FieldCipher cipher;

    public RowSealingMigration() {
        super(40, "seal with a data key per case file and mail draft, bound to table, column and row");
    }

    /** For a migration run outside the container (a test). */
    public RowSealingMigration(FieldCipher cipher) {
        this();
        this.cipher = cipher;
    }

    // Table and column names are the constants above, never input.
    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement ddl = c.createStatement()) {
            ddl.execute("CREATE TABLE sealing_key (scope VARCHAR(40) PRIMARY KEY, wrapped VARCHAR(200),"
                    + " created_at TIMESTAMP WITH TIME ZONE NOT NULL, destroyed_at TIMESTAMP WITH TIME ZONE)");
        }
        SealingKeys keys = new SealingKeys(cipher);
        SealingKeys.Made made = new SealingKeys.Made();
        long values = 0;
        for (Table table : TABLES) {
            widen(c, table);
            values += reseal(c, table, keys, made);
        }
        // Case files erased before this version: their key goes at once (their values were emptied already).
        try (PreparedStatement destroy = c.prepareStatement("UPDATE sealing_key SET wrapped = NULL, destroyed_at = ?"
                + " WHERE scope IN (SELECT 'case-' || id FROM casefile WHERE erased_at IS NOT NULL)")) {
            destroy.setTimestamp(1, Timestamp.from(Instant.now()));
            destroy.executeUpdate();
        }
        long sealed = values;
        LOG.info(() -> "Sealed values moved to per-case data keys, bound to their rows: " + sealed);
    }

    private long reseal(Connection c, Table table, SealingKeys keys, SealingKeys.Made made) throws SQLException {
        StringBuilder select = new StringBuilder("SELECT ").append(table.scope());
        table.key().forEach(k -> select.append(", t.").append(k));
        table.sealed().forEach(s -> select.append(", t.").append(s));
        select.append(" FROM ").append(table.name()).append(" t").append(table.join());
        StringBuilder update = new StringBuilder("UPDATE ").append(table.name()).append(" SET ");
        update.append(String.join(" = ?, ", table.sealed())).append(" = ? WHERE ");
        update.append(String.join(" = ? AND ", table.key())).append(" = ?");
        long count = 0;
        int pending = 0;
        try (Statement read = c.createStatement(); PreparedStatement write = c.prepareStatement(update.toString())) {
            read.setFetchSize(1000);
            try (ResultSet rows = read.executeQuery(select.toString())) {
                while (rows.next()) {
                    String scope = rows.getString(1);
                    List<String> keyValues = new ArrayList<>();
                    for (int k = 0; k < table.key().size(); k++) {
                        keyValues.add(rows.getString(2 + k));
                    }
                    String row = String.join("/", keyValues);
                    Aead key = keys.forSealing(scope, c, made);
                    int at = 1;
                    for (int s = 0; s < table.sealed().size(); s++) {
                        String old = rows.getString(2 + table.key().size() + s);
                        String where = table.name() + "/" + table.sealed().get(s) + "/" + row;
                        write.setString(at++, old == null ? null
                                : SealingListener.seal(key, scope, where, cipher.open(old)));
                        count += old == null ? 0 : 1;
                    }
                    for (int k = 0; k < table.key().size(); k++) {
                        write.setObject(at++, rows.getObject(2 + k));
                    }
                    write.addBatch();
                    if (++pending == BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
        return count;
    }

    /** Room for the header ({@code v2:case-123:}) in every sealed column of fixed width. */
    private static void widen(Connection c, Table table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        for (String column : table.sealed()) {
            Integer size = null;
            for (String[] name : List.of(new String[]{table.name(), column},
                    new String[]{table.name().toUpperCase(Locale.ROOT), column.toUpperCase(Locale.ROOT)})) {
                try (ResultSet rs = meta.getColumns(null, null, name[0], name[1])) {
                    if (rs.next()) {
                        String type = rs.getString("TYPE_NAME").toUpperCase(Locale.ROOT);
                        int width = rs.getInt("COLUMN_SIZE");
                        // A bounded text column; an unbounded one (a large maximum, or none) has room already.
                        if ((type.contains("VARCHAR") || type.contains("CHARACTER VARYING")) && width > 0
                                && width < 1_000_000) {
                            size = width;
                        }
                        break;
                    }
                }
            }
            if (size != null) {
                try (Statement ddl = c.createStatement()) {
                    ddl.execute("ALTER TABLE " + table.name() + " ALTER COLUMN " + column + " SET DATA TYPE VARCHAR("
                            + (size + WIDER) + ")");
                }
            }
        }
    }
}
