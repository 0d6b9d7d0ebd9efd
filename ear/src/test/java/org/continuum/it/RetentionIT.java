package org.continuum.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.continuum.casefile.entity.Urgency;
import org.continuum.identity.boundary.ReauthenticationService;
import org.continuum.intake.boundary.IntakeService;
import org.continuum.intake.boundary.PublicRequestService;
import org.continuum.intake.boundary.TriageService;
import org.continuum.intake.control.PublicRequest;
import org.continuum.casefile.boundary.TaskInboxService;
import org.continuum.casefile.entity.RequestType;
import org.continuum.platform.control.CaseAccessDenied;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.control.Roles;
import org.continuum.referral.boundary.ReferralService;
import org.continuum.casefile.entity.SharedField;
import org.continuum.retention.boundary.RetentionService;
import org.continuum.retention.control.Erasing;
import org.continuum.retention.entity.Erasure;
import org.continuum.retention.entity.RetentionRule;
import org.continuum.administration.boundary.KeyAdministration;
import org.continuum.security.control.FieldCipher;
import org.continuum.security.control.SealingKeys;
import org.continuum.security.control.SealedValues;
import org.continuum.security.control.SealedColumns;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Forgetting on purpose, inside WildFly on the real database: a coordinator's erasure request decided by a second
 * coordinator after a step-up leaves the pseudonymised skeleton and no sealed field of the case that still says
 * anything; a legal hold stops the request, the decision and the retention job; the job, with its clock moved
 * forward, erases what is due, keeps a case file that received new information within the grace period, deletes a
 * request never registered, and the register lists what went.
 */
@ExtendWith(ArquillianExtension.class)
class RetentionIT {

    static final String AMIRA = Journey.AMIRA;
    static final String CLAIRE = Journey.CLAIRE;
    static final String OMAR = "omar.coordinator";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(RetentionIT.class, IntakeIT.class, Sql.class, DemoCodes.class,
                DatabaseDump.class);
    }

    @Inject
    RetentionService retention;

    @Inject
    IntakeService intake;

    @Inject
    TriageService triage;

    @Inject
    TaskInboxService inbox;

    @Inject
    ReauthenticationService reauth;

    @Inject
    PublicRequestService publicRequests;

    @Inject
    Erasing erasing;

    @Inject
    ReferralService referrals;

    @Inject
    org.continuum.retention.boundary.RetentionRules rules;

    @Inject
    FieldCipher cipher;

    @Inject
    SealedValues sealedValues;

    @Inject
    SealingKeys sealingKeys;

    @Inject
    KeyAdministration keys;

    @Resource(lookup = "java:jboss/datasources/ContinuumDS")
    DataSource dataSource;

    /** A case file registered with canaries in its sealed fields, then closed at triage as not within the mandate. */
    private long closedAtTriage(String canary) throws Exception {
        return closedAtTriage(canary, false);
    }

    /**
     * The same, referred first to a partner when {@code referred} (with the person's consent): the referral's
     * partner is a sealed number, cleared by the erasure.
     */
    private long closedAtTriage(String canary, boolean referred) throws Exception {
        long id = As.user(AMIRA, Roles.CASEWORKER, () -> intake.register(IntakeIT.request("Retention " + canary,
                "Ёлкина " + canary, Urgency.HIGH))).caseFileId();
        if (referred) {
            long partner = As.user(AMIRA, Roles.CASEWORKER, () -> referrals.desk(id)).partners().stream()
                    .filter(p -> p.code().equals("rainbow-railroad")).findFirst().orElseThrow().id();
            As.run(AMIRA, Roles.CASEWORKER, () -> referrals.recordConsent(id, partner,
                    java.util.EnumSet.of(SharedField.COUNTRY, SharedField.SITUATION), true));
            As.run(AMIRA, Roles.CASEWORKER, () -> referrals.refer(id, new ReferralService.ReferralRequest(partner,
                    "travel-funding", java.util.EnumSet.of(SharedField.COUNTRY, SharedField.SITUATION),
                    "email:help@rainbowrailroad.ca", "Referred before closure " + canary, null)));
        }
        String task = As.user(AMIRA, Roles.CASEWORKER, () -> inbox.myTasks()).stream()
                .filter(t -> t.caseFileId() == id && t.definitionKey().equals("Task_Triage"))
                .findFirst().orElseThrow().id();
        As.run(AMIRA, Roles.CASEWORKER, () -> triage.complete(task, new TriageService.TriageDecision(false,
                Urgency.STANDARD, "Outside the mandate " + canary, null, null, null, null)));
        return id;
    }

    private void stepUp(String user, String password) throws Exception {
        if (As.user(user, Roles.COORDINATOR, () -> retention.desk(anyCase()).stepUpNeeded())) {
            DemoCodes.stepUp(dataSource, reauth, user, Roles.COORDINATOR, password);
        }
    }

    private long anyCase;

    private long anyCase() {
        return anyCase;
    }

    /** How a row of each table is named in its sealed values' binding, where it is not its id. */
    private static final Map<String, String> ROW_KEYS = Map.of("case_retention", "casefile_id",
            "risk_factor", "assessment_id || '/' || position",
            "escalation_evidence", "escalation_id || '/' || continuum_step");

    /** Every sealed value of the case file's rows in every table, opened. */
    private List<String> openedSealedValues(long caseFileId) {
        Sql sql = new Sql(dataSource);
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, List<SealedColumns.Sealed>> table : erasing.sealedColumns().entrySet()) {
            String where = Erasing.whereCase(table.getKey());
            if (where == null) {
                continue;
            }
            int marks = (int) where.chars().filter(ch -> ch == '?').count();
            Object[] params = java.util.Collections.nCopies(marks, (Object) caseFileId).toArray();
            for (SealedColumns.Sealed column : table.getValue()) {
                values.addAll(sql.opened(sealedValues, table.getKey(), ROW_KEYS.getOrDefault(table.getKey(), "id"),
                        column.column(), where.replace("?1", "?"), params));
            }
        }
        return values;
    }

    @Test
    void anErasureAskedByOneCoordinatorAndDecidedByAnotherLeavesOnlyTheSkeleton() throws Exception {
        Sql sql = new Sql(dataSource);
        String canary = "canary-" + UUID.randomUUID();
        long id = closedAtTriage(canary, true);
        anyCase = id;
        String reference = sql.string("select reference from casefile where id = ?", id);
        assertThat(openedSealedValues(id)).anyMatch(v -> v != null && v.contains(canary));
        assertThat(sql.count("select count(*) from referral where casefile_id = ? and partner_enc is not null", id))
                .as("referred to a partner before closure").isOne();

        long request = As.user(CLAIRE, Roles.COORDINATOR, () -> retention.requestErasure(id, "The person asked us to"
                + " forget them (" + canary + ")"));
        assertThatThrownBy(() -> As.run(CLAIRE, Roles.COORDINATOR, () -> retention.requestErasure(id, "again")))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.messageKeys()).containsExactly("retention.erasure.pending"));
        stepUp(CLAIRE, "Demo-Coordinator-1");
        assertThatThrownBy(() -> As.run(CLAIRE, Roles.COORDINATOR, () -> retention.decideErasure(request, true)))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.messageKeys()).containsExactly("retention.erasure.ownRequest"));
        assertThat(sql.count("select count(*) from audit_event where casefile_id = ? and action = 'ERASURE_DECIDED'"
                + " and outcome = 'DENIED'", id)).isEqualTo(1);
        // Another team's coordinator is outside the need to know.
        assertThatThrownBy(() -> As.run("elena.coordinator", Roles.COORDINATOR,
                () -> retention.decideErasure(request, true))).isInstanceOf(CaseAccessDenied.class);

        String nameBefore = sql.string("select legal_name_enc from casefile where id = ?", id);
        assertThat(sealedValues.open("casefile", "legal_name_enc", id, nameBefore)).contains(canary);
        stepUp(OMAR, "Demo-Coordinator-2");
        As.run(OMAR, Roles.COORDINATOR, () -> retention.decideErasure(request, true));

        assertThat(sql.string("select erased_at from casefile where id = ?", id)).isNotNull();
        assertThat(sql.string("select destroyed_at from sealing_key where scope = ?", "case-" + id))
                .as("the case file's data key is destroyed").isNotNull();
        assertThat(sql.count("select count(*) from sealing_key where scope = ? and wrapped is null", "case-" + id))
                .isOne();
        assertThat(sealedValues.open("casefile", "legal_name_enc", id, nameBefore))
                .as("its name as sealed before the erasure opens no more").isEmpty();
        assertThat(sql.string("select pseudonym from casefile where id = ?", id)).isEqualTo(reference);
        assertThat(sql.string("select phase from casefile where id = ?", id)).isEqualTo("CLOSED");
        assertThat(sql.string("select country from casefile where id = ?", id)).isEqualTo("RU");
        List<String> opened = openedSealedValues(id);
        assertThat(opened).isNotEmpty().allMatch(v -> v == null || v.isEmpty());
        assertThat(sql.count("select count(*) from casefile where legal_name_index = ?",
                cipher.blindIndex("Ёлкина " + canary))).isZero();
        assertThat(sql.count("select count(*) from audit_event where casefile_id = ? and action = 'CASE_ERASED'",
                id)).isEqualTo(1);
        List<RetentionService.Erased> report = As.user("nadia.auditor", Roles.AUDITOR, () -> retention.report());
        assertThat(report).anySatisfy(e -> {
            assertThat(e.reference()).isEqualTo(reference);
            assertThat(e.state()).isEqualTo(Erasure.State.DONE);
            assertThat(e.requestedBy()).isEqualTo(CLAIRE);
            assertThat(e.decidedBy()).isEqualTo(OMAR);
        });
        assertThat(As.user(CLAIRE, Roles.COORDINATOR, () -> retention.desk(id)).erasedAt()).isNotNull();
        assertThatThrownBy(() -> As.run(CLAIRE, Roles.COORDINATOR, () -> retention.setHold(id, "late")))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.messageKeys()).containsExactly("retention.erased"));
    }

    /** The data key a dump holds for {@code scope} (its sealing_key row: scope, then the wrapped key). */
    private static String keyIn(List<DatabaseDump.Row> dump, String scope) {
        java.util.regex.Pattern row = java.util.regex.Pattern.compile("'" + scope + "', '([A-Za-z0-9+/=]+)'");
        return dump.stream().filter(r -> "SEALING_KEY".equals(r.table())).map(r -> row.matcher(r.text()))
                .filter(java.util.regex.Matcher::find).map(m -> m.group(1)).findFirst().orElseThrow();
    }

    /** Every value a dump holds sealed for {@code scope}, in any table. */
    private static List<String> sealedIn(List<DatabaseDump.Row> dump, String scope) {
        java.util.regex.Pattern value = java.util.regex.Pattern.compile("'(v2:" + scope + ":[A-Za-z0-9+/=]+)'");
        List<String> found = new ArrayList<>();
        for (DatabaseDump.Row r : dump) {
            java.util.regex.Matcher m = value.matcher(r.text());
            while (m.find()) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    /**
     * S18 in backups: a full dump (H2 SCRIPT or pg_dump) taken before an erasure still holds the case file's data
     * key wrapped by the field key of its time. Right after the erasure that key still unwraps with this key folder;
     * once the field keys are rotated, nothing of the case file opens from the dump any more.
     */
    @Test
    void anErasedCaseFileNoLongerOpensFromABackupTakenBeforeOnceTheFieldKeysAreRotated() throws Exception {
        Sql sql = new Sql(dataSource);
        String canary = "canary-" + UUID.randomUUID();
        long id = closedAtTriage(canary);
        anyCase = id;
        String scope = "case-" + id;
        String name = sql.string("select legal_name_enc from casefile where id = ?", id);

        List<DatabaseDump.Row> backup = DatabaseDump.of(dataSource);
        String keyInBackup = keyIn(backup, scope);
        List<String> sealedInBackup = sealedIn(backup, scope);
        assertThat(sealedInBackup).as("the case file's sealed values in the backup").contains(name).hasSizeGreaterThan(5);
        assertThat(backup).as("the legal name in clear").noneMatch(r -> r.text().contains("Ёлкина " + canary));
        assertThat(sealedValues.openFromCopy("casefile", "legal_name_enc", id, name, keyInBackup)).contains(canary);

        long request = As.user(CLAIRE, Roles.COORDINATOR, () -> retention.requestErasure(id, "Asked to be forgotten"));
        stepUp(OMAR, "Demo-Coordinator-2");
        As.run(OMAR, Roles.COORDINATOR, () -> retention.decideErasure(request, true));
        assertThat(sealedValues.open("casefile", "legal_name_enc", id, name)).as("in the database").isEmpty();
        assertThat(sealedValues.openFromCopy("casefile", "legal_name_enc", id, name, keyInBackup))
                .as("in the backup, until the field keys are rotated").contains(canary);

        if (As.user("admin", Roles.ADMIN, () -> keys.status().stepUpNeeded())) {
            DemoCodes.stepUp(dataSource, reauth, "admin", Roles.ADMIN, "Demo-Admin-2026!");
        }
        KeyAdministration.Rotated rotated = As.user("admin", Roles.ADMIN, () -> keys.rotate());
        assertThat(rotated.finished()).isTrue();

        assertThatThrownBy(() -> sealingKeys.fromCopy(scope, keyInBackup)).hasMessageContaining("does not unwrap");
        int refused = 0;
        for (String value : sealedInBackup) {
            try {
                sealedValues.openFromCopy("casefile", "legal_name_enc", id, value, keyInBackup);
            } catch (IllegalStateException expected) {
                assertThat(expected).hasMessageContaining("does not unwrap");
                refused++;
            }
        }
        System.out.println("S18 backup before erasure, after rotation: " + sealedInBackup.size()
                + " sealed values of the erased case file in the dump, " + refused + " refused to open");
        assertThat(refused).as("values of the erased case file that open from the backup")
                .isEqualTo(sealedInBackup.size());
    }

    @Test
    void aLegalHoldStopsTheRequestTheDecisionAndTheJobUntilItIsLifted() throws Exception {
        Sql sql = new Sql(dataSource);
        String canary = "canary-" + UUID.randomUUID();
        long id = closedAtTriage(canary);
        anyCase = id;
        long request = As.user(CLAIRE, Roles.COORDINATOR, () -> retention.requestErasure(id, "Asked by the person"));
        As.run(OMAR, Roles.COORDINATOR, () -> retention.setHold(id, "Evidence for a court case " + canary));
        assertThat(As.user(CLAIRE, Roles.COORDINATOR, () -> retention.desk(id)).holdReason()).contains(canary);
        stepUp(OMAR, "Demo-Coordinator-2");
        assertThatThrownBy(() -> As.run(OMAR, Roles.COORDINATOR, () -> retention.decideErasure(request, true)))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.messageKeys()).containsExactly("retention.hold.blocks"));
        As.run(OMAR, Roles.COORDINATOR, () -> retention.decideErasure(request, false));
        assertThatThrownBy(() -> As.run(CLAIRE, Roles.COORDINATOR, () -> retention.requestErasure(id, "again")))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.messageKeys()).containsExactly("retention.hold.blocks"));

        // Closed long ago and quiet since: due, but held.
        backdate(sql, id, Duration.ofDays(400));
        RetentionService.Applied held = As.user("system", Roles.SYSTEM,
                () -> retention.applyRules(Instant.now().plus(Duration.ofDays(1))));
        assertThat(held.keptByHold()).isPositive();
        assertThat(sql.string("select erased_at from casefile where id = ?", id)).isNull();

        As.run(CLAIRE, Roles.COORDINATOR, () -> retention.liftHold(id, "The court case is over"));
        RetentionService.Applied applied = As.user("system", Roles.SYSTEM,
                () -> retention.applyRules(Instant.now().plus(Duration.ofDays(1))));
        assertThat(applied.casesErased()).isPositive();
        assertThat(sql.string("select erased_at from casefile where id = ?", id)).isNotNull();
        assertThat(sql.string("select rule_code from erasure where casefile_id = ? and state = 'DONE'", id))
                .isEqualTo(RetentionRule.Code.CASE_NOT_TAKEN_ON.name());
        assertThat(openedSealedValues(id)).allMatch(v -> v == null || v.isEmpty());
        assertThat(sql.count("select count(*) from audit_event where casefile_id = ? and action = 'LEGAL_HOLD_SET'",
                id)).isEqualTo(1);
        assertThat(sql.count("select count(*) from audit_event where casefile_id = ? and outcome = 'DENIED'"
                + " and detail like '%legal-hold%'", id)).isEqualTo(2);
    }

    @Test
    void theJobKeepsACaseFileThatHeardNewsWithinTheGracePeriodAndDeletesOldUnregisteredRequests() throws Exception {
        Sql sql = new Sql(dataSource);
        long quiet = closedAtTriage("quiet-" + UUID.randomUUID(), true);
        long recent = closedAtTriage("recent-" + UUID.randomUUID());
        long blocked = closedAtTriage("blocked-" + UUID.randomUUID());
        anyCase = quiet;
        backdate(sql, quiet, Duration.ofDays(200));
        backdate(sql, recent, Duration.ofDays(200));
        backdate(sql, blocked, Duration.ofDays(200));
        // The database refuses to erase this one (a constraint of the test's own): its erasure fails, the pass goes on.
        sql.update("alter table casefile add constraint retention_it_blocked check (id <> " + blocked
                + " or erased_at is null)");
        // New information ten days ago on the second one.
        sql.update("update case_event set occurred_at = ? where id = (select max(id) from case_event"
                + " where casefile_id = ?)", java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(10))), recent);
        assertThat(As.user(CLAIRE, Roles.COORDINATOR, () -> retention.overview()).upcoming())
                .anySatisfy(u -> {
                    assertThat(u.caseFileId()).isEqualTo(recent);
                    assertThat(u.keptByGrace()).isTrue();
                });

        String token = publicRequests.formToken();
        assertThat(Poll.until(Duration.ofSeconds(15), () -> {
            try {
                publicRequests.submit(new PublicRequest("Draft " + UUID.randomUUID(), "Nobody registered this",
                        "LB", "Beirut", Set.of(RequestType.RELOCATION), List.of("ar"), "signal: x", Set.of(), true,
                        Set.of(RequestType.RELOCATION)), token, "203.0.113.250");
                return true;
            } catch (InvalidInput notYet) {
                return false;
            }
        })).isTrue();
        long draft = sql.longValue("select max(id) from mail_intake where casefile_id is null");
        sql.update("update mail_intake set received_at = ? where id = ?",
                java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(31))), draft);

        RetentionService.Applied applied;
        try {
            applied = As.user("system", Roles.SYSTEM,
                    () -> retention.applyRules(Instant.now().plus(Duration.ofHours(1))));
        } finally {
            sql.update("alter table casefile drop constraint retention_it_blocked");
        }
        assertThat(applied.keptByGrace()).isPositive();
        assertThat(applied.draftsErased()).isPositive();
        assertThat(applied.failed()).as("the blocked one").isEqualTo(1);
        assertThat(sql.string("select erased_at from casefile where id = ?", blocked)).isNull();
        assertThat(sql.count("select count(*) from audit_event where casefile_id = ? and action = 'CASE_ERASED'"
                + " and outcome = 'FAILURE'", blocked)).isOne();
        assertThat(sql.string("select legal_name_enc from casefile where id = ?", blocked))
                .as("a failed erasure is rolled back whole").startsWith("v2:");
        assertThat(sql.string("select erased_at from casefile where id = ?", quiet)).isNotNull();
        assertThat(sql.count("select count(*) from referral where casefile_id = ?", quiet)).isOne();
        // The referral's wait goes on after the erasure: its reminder must not write to the erased case file.
        String waiting = sql.string("select process_instance_id from referral where casefile_id = ?", quiet);
        assertThat(Poll.until(Duration.ofSeconds(30), () -> sql.count("select count(*) from act_ru_job"
                + " where process_instance_id_ = ? and retries_ > 0", waiting) == 0)).isTrue();
        assertThat(sql.count("select count(*) from act_ru_incident where proc_inst_id_ = ?", waiting))
                .as("no incident from the erased case file's referral").isZero();
        assertThat(sql.count("select count(*) from referral where casefile_id = ? and partner_enc is null", quiet))
                .as("the partner it was referred to is cleared").isOne();
        assertThat(sql.string("select erased_at from casefile where id = ?", recent)).isNull();
        assertThat(sql.count("select count(*) from mail_intake where id = ?", draft)).isZero();
        assertThat(sql.count("select count(*) from erasure where subject = 'MAIL_DRAFT' and subject_ref = ?",
                "draft " + draft)).isEqualTo(1);
        // The erased case file's dates are kept to the month: cut to the start of a month, never moved forward.
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement(
                "select created_at from casefile where id = ?")) {
            select.setLong(1, quiet);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                Instant created = row.getTimestamp(1).toInstant();
                assertThat(created).isBefore(Instant.now());
                assertThat(created.getEpochSecond() % 3600).isZero();
            }
        }
    }

    @Test
    void administratorsChangeARuleWithFourEyesAndTheJobUsesTheNewFigures() throws Exception {
        Sql sql = new Sql(dataSource);
        assertThatThrownBy(() -> As.run("admin", Roles.ADMIN, () -> rules.propose(RetentionRule.Code.CASE_CLOSED,
                0, -1, null, " "))).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.messageKeys())
                .containsExactly("retention.keepDays.invalid", "retention.extensionDays.invalid",
                        "retention.graceDays.invalid", "retention.reason.required"));
        int before = As.user("admin", Roles.ADMIN, () -> rules.rules()).stream()
                .filter(r -> r.code() == RetentionRule.Code.CASE_CLOSED).findFirst().orElseThrow().keepDays();
        long change = As.user("admin", Roles.ADMIN, () -> rules.propose(RetentionRule.Code.CASE_CLOSED, before + 1,
                365, 30, "The donor's audit asks for one more day"));
        assertThatThrownBy(() -> As.run("admin", Roles.ADMIN, () -> rules.decide(change, true)))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.messageKeys()).containsExactly("retention.change.ownProposal"));
        assertThatThrownBy(() -> As.run(CLAIRE, Roles.COORDINATOR, () -> rules.decide(change, true)))
                .isInstanceOf(jakarta.ejb.EJBAccessException.class);
        if (As.user("ines.admin", Roles.ADMIN, () -> rules.stepUpNeeded())) {
            DemoCodes.stepUp(dataSource, reauth, "ines.admin", Roles.ADMIN, "Demo-Admin-Second-2026!");
        }
        As.run("ines.admin", Roles.ADMIN, () -> rules.decide(change, true));
        assertThat(sql.count("select keep_days from retention_rule where code = 'CASE_CLOSED'")).isEqualTo(before + 1);
        assertThat(sql.string("select updated_by from retention_rule where code = 'CASE_CLOSED'"))
                .isEqualTo("ines.admin");
        assertThat(sql.count("select count(*) from audit_event where action = 'RETENTION_RULE_DECIDED'"
                + " and outcome = 'DENIED' and actor = 'admin'")).isPositive();
        assertThat(As.user(CLAIRE, Roles.COORDINATOR, () -> retention.overview()).rules())
                .anySatisfy(r -> assertThat(r.keepDays()).isEqualTo(before + 1));
    }

    /** Moves a case file's closure, its last change and its timeline back in time, as if the clock had run on. */
    private static void backdate(Sql sql, long caseFileId, Duration ago) {
        java.sql.Timestamp then = java.sql.Timestamp.from(Instant.now().minus(ago));
        sql.update("update casefile set closed_at = ?, updated_at = ? where id = ?", then, then, caseFileId);
        sql.update("update case_event set occurred_at = ? where casefile_id = ?", then, caseFileId);
    }
}
