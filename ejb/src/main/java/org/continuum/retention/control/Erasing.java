package org.continuum.retention.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.metamodel.EntityType;
import org.continuum.security.control.SealedColumns;
import org.continuum.security.control.SealedRecord;
import org.continuum.security.control.SealingKeys;
import org.continuum.security.control.SealingListener;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Erases a case file or an unregistered mail draft in the live database. A case file keeps its pseudonymised
 * skeleton for statistics (phase, country, team, risk levels, measure types, grant amounts, dates coarsened to the
 * month, its reference in place of its pseudonym); the data keys of the case file and of the mail drafts that led
 * to it are destroyed, every sealed field of it, in every table, is replaced by the erased mark (or cleared, for
 * sealed numbers), and its blind indexes are replaced by values that match nothing. A draft never registered is
 * deleted with its attachments, documents and messages, and its key destroyed.
 *
 * <p>The sealed columns come from the entities' annotations ({@link SealedColumns}); where each table's rows of a
 * case file are is stated here, once: a sealed table that is neither here nor declared as holding no case data
 * stops the erasure, so a table added later cannot be forgotten silently.
 */
@ApplicationScoped
public class Erasing {

    /** How each table that holds case data finds the rows of case file {@code ?1}. */
    static final Map<String, String> CASE_ROWS = Map.ofEntries(
            Map.entry("casefile", "id = ?1"),
            Map.entry("break_glass", "casefile_id = ?1"),
            Map.entry("case_event", "casefile_id = ?1"),
            Map.entry("consent", "casefile_id = ?1"),
            Map.entry("case_retention", "casefile_id = ?1"),
            Map.entry("protection_measure", "casefile_id = ?1"),
            Map.entry("escalation", "casefile_id = ?1"),
            Map.entry("escalation_evidence", "escalation_id IN (SELECT id FROM escalation WHERE casefile_id = ?1)"),
            Map.entry("risk_assessment", "casefile_id = ?1"),
            Map.entry("risk_factor", "assessment_id IN (SELECT id FROM risk_assessment WHERE casefile_id = ?1)"),
            Map.entry("safety_plan", "casefile_id = ?1"),
            Map.entry("referral", "casefile_id = ?1"),
            Map.entry("grant_request", "casefile_id = ?1"),
            Map.entry("grant_decision", "grant_id IN (SELECT id FROM grant_request WHERE casefile_id = ?1)"),
            Map.entry("disbursement", "grant_id IN (SELECT id FROM grant_request WHERE casefile_id = ?1)"),
            Map.entry("mail_intake", "casefile_id = ?1"),
            Map.entry("mail_attachment", "mail_intake_id IN (SELECT id FROM mail_intake WHERE casefile_id = ?1)"),
            Map.entry("request_message", "mail_intake_id IN (SELECT id FROM mail_intake WHERE casefile_id = ?1)"),
            Map.entry("case_document",
                    "casefile_id = ?1 OR mail_intake_id IN (SELECT id FROM mail_intake WHERE casefile_id = ?1)"),
            Map.entry("route_application", "casefile_id = ?1"),
            Map.entry("dependant", "casefile_id = ?1"),
            Map.entry("travel_document", "casefile_id = ?1"));

    /**
     * Sealed tables that hold no case file's data: accounts, the organisation's safe places, programme
     * allocations, retention rule changes, and the erasure register itself (its request reasons are the auditors'
     * record of why).
     */
    static final Set<String> NOT_CASE_DATA = Set.of("app_user", "safe_place", "programme_year", "erasure",
            "retention_rule_change");

    /** The case file's own dates, kept to the month. */
    private static final List<String> CASE_DATES = List.of("created_at", "consent_recorded_at", "updated_at",
            "closed_at", "arrived_at");

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    SealingKeys keys;

    private volatile Map<String, List<SealedColumns.Sealed>> sealed;

    /** Every sealed column by table, checked against {@link #CASE_ROWS} and {@link #NOT_CASE_DATA}. */
    public Map<String, List<SealedColumns.Sealed>> sealedColumns() {
        Map<String, List<SealedColumns.Sealed>> known = sealed;
        if (known == null) {
            known = SealedColumns.of(em.getMetamodel().getEntities().stream()
                    .<Class<?>>map(EntityType::getJavaType).toList());
            List<String> unplaced = unplaced(known.keySet());
            if (!unplaced.isEmpty()) {
                throw new IllegalStateException("Erasure does not know where a case file's rows are in " + unplaced);
            }
            sealed = known;
        }
        return known;
    }

    /** The condition that picks the rows of case file {@code ?1} in {@code table}, or null if it holds none. */
    public static String whereCase(String table) {
        return CASE_ROWS.get(table);
    }

    /** Sealed tables neither mapped to a case file's rows nor declared free of case data. */
    static List<String> unplaced(Set<String> sealedTables) {
        return sealedTables.stream().filter(t -> !CASE_ROWS.containsKey(t) && !NOT_CASE_DATA.contains(t))
                .sorted().toList();
    }

    /**
     * Erases case file {@code caseFileId} in the current transaction; returns the number of rows whose sealed fields
     * were overwritten. The caller has checked the hold and recorded why.
     */
    public int eraseCase(long caseFileId, String reference) {
        em.flush();
        String emptied = SealingListener.ERASED;
        int rows = 0;
        for (var table : sealedColumns().entrySet()) {
            String where = CASE_ROWS.get(table.getKey());
            if (where == null) {
                continue;
            }
            StringBuilder set = new StringBuilder();
            for (SealedColumns.Sealed column : table.getValue()) {
                if (!set.isEmpty()) {
                    set.append(", ");
                }
                set.append(column.column()).append(column.number() ? " = NULL"
                        : " = CASE WHEN " + column.column() + " IS NULL THEN NULL ELSE ?2 END");
            }
            var update = em.createNativeQuery("UPDATE " + table.getKey() + " SET " + set + " WHERE " + where)
                    .setParameter(1, caseFileId);
            if (set.indexOf("?2") >= 0) {
                update.setParameter(2, emptied);
            }
            rows += update.executeUpdate();
        }
        StringBuilder dates = new StringBuilder();
        for (String date : CASE_DATES) {
            dates.append(", ").append(date).append(" = DATE_TRUNC('MONTH', ").append(date).append(')');
        }
        em.createNativeQuery("UPDATE casefile SET pseudonym = ?2, legal_name_index = ?3, next_review_at = NULL,"
                        + " erased_at = CURRENT_TIMESTAMP" + dates + " WHERE id = ?1")
                .setParameter(1, caseFileId).setParameter(2, reference).setParameter(3, unmatchable())
                .executeUpdate();
        em.createNativeQuery("UPDATE case_event SET occurred_at = DATE_TRUNC('MONTH', occurred_at)"
                + " WHERE casefile_id = ?1").setParameter(1, caseFileId).executeUpdate();
        // The mails that led to the case: their digest and blind indexes could confirm who wrote.
        List<?> mails = em.createNativeQuery("SELECT id FROM mail_intake WHERE casefile_id = ?1")
                .setParameter(1, caseFileId).getResultList();
        for (Object mail : mails) {
            em.createNativeQuery("UPDATE mail_intake SET digest = ?2, sender_index = NULL, receipt_index = NULL,"
                            + " receipt_hash = NULL WHERE id = ?1")
                    .setParameter(1, ((Number) mail).longValue()).setParameter(2, unmatchable()).executeUpdate();
            keys.destroy(SealedRecord.draft(((Number) mail).longValue()));
        }
        keys.destroy(SealedRecord.caseFile(caseFileId));
        em.clear();
        return rows;
    }

    /** Deletes a mail or web-form request that never became a case file, with everything attached to it. */
    public void eraseDraft(long mailIntakeId) {
        em.flush();
        for (String table : List.of("request_message", "mail_attachment", "case_document")) {
            em.createNativeQuery("DELETE FROM " + table + " WHERE mail_intake_id = ?1")
                    .setParameter(1, mailIntakeId).executeUpdate();
        }
        int deleted = em.createNativeQuery("DELETE FROM mail_intake WHERE id = ?1 AND casefile_id IS NULL")
                .setParameter(1, mailIntakeId).executeUpdate();
        if (deleted > 0) {
            keys.destroy(SealedRecord.draft(mailIntakeId));
        }
        em.clear();
    }

    private static String unmatchable() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "erased:" + HexFormat.of().formatHex(bytes);
    }
}
