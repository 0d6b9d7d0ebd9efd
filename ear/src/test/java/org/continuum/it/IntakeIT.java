package org.continuum.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.continuum.casefile.boundary.CaseDetails;
import org.continuum.casefile.boundary.CaseFileService;
import org.continuum.casefile.boundary.TaskInboxService;
import org.continuum.casefile.control.CaseQuery;
import org.continuum.casefile.control.IntakeRequest;
import org.continuum.platform.control.InvalidInput;
import org.continuum.casefile.entity.Channel;
import org.continuum.casefile.entity.Phase;
import org.continuum.casefile.entity.RequestType;
import org.continuum.reference.entity.Situation;
import org.continuum.casefile.entity.Urgency;
import org.continuum.platform.control.Roles;
import org.continuum.intake.boundary.IntakeService;
import org.continuum.intake.boundary.TriageService;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The vertical slice inside WildFly: intake → case file + process + triage task → triage, and the timer. */
@ExtendWith(ArquillianExtension.class)
class IntakeIT {

    static final String AMIRA = "amira.caseworker";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(IntakeIT.class, Sql.class);
    }

    @Inject
    IntakeService intake;

    @Inject
    CaseFileService cases;

    @Inject
    TaskInboxService inbox;

    @Inject
    TriageService triage;

    @Resource(lookup = "java:jboss/datasources/ContinuumDS")
    DataSource dataSource;

    static IntakeRequest request(String pseudonym, String legalName, Urgency urgency) {
        return new IntakeRequest(pseudonym, legalName, "Signal: +7 900 000-00-00 (marked safe)", "Kazan, Vakhitovsky district",
                Situation.IN_COUNTRY_OF_DANGER, "RU", List.of("ru", "en"), RequestType.RELOCATION, urgency,
                Channel.SECURE_MESSENGER, true);
    }

    @Test
    void intakeCreatesCaseFileProcessAndTriageTask() throws Exception {
        IntakeService.Registered registered = As.user(AMIRA, Roles.CASEWORKER,
                () -> intake.register(request("Aster", "Мария Иванова-Котова", Urgency.HIGH)));
        assertThat(registered.reference()).matches("CF-\\d{4}-\\d{6}");

        CaseDetails details = As.user(AMIRA, Roles.CASEWORKER, () -> cases.view(registered.caseFileId()));
        assertThat(details.phase()).isEqualTo(Phase.TRIAGE);
        assertThat(details.legalName()).isEqualTo("Мария Иванова-Котова");
        assertThat(details.openTasks()).extracting(t -> t.definitionKey()).containsExactly("Task_Triage");

        Sql sql = new Sql(dataSource);
        String processInstance = sql.string("select process_instance_id from casefile where id = ?", registered.caseFileId());
        assertThat(processInstance).isNotBlank();
        assertThat(sql.count("select count(*) from ACT_RU_TASK where PROC_INST_ID_ = ? and TASK_DEF_KEY_ = 'Task_Triage'",
                processInstance)).isOne();
        assertThat(sql.count("select count(*) from audit_event where action = 'CASE_CREATED' and casefile_id = ? and actor = ?",
                registered.caseFileId(), AMIRA)).isOne();
        assertThat(sql.count("select count(*) from audit_event where action = 'CASE_VIEWED' and casefile_id = ? and outcome = 'SUCCESS'",
                registered.caseFileId())).isOne();

        var task = As.user(AMIRA, Roles.CASEWORKER, () -> inbox.myTasks()).stream()
                .filter(t -> t.caseFileId() == registered.caseFileId()).findFirst().orElseThrow();
        assertThat(task.caseReference()).isEqualTo(registered.reference());
        assertThat(task.due()).isNotNull();

        As.run(AMIRA, Roles.CASEWORKER, () -> triage.complete(task.id(),
                new TriageService.TriageDecision(true, Urgency.CRITICAL, "Identity confirmed by partner", null, null,
                        "sofia.mentor", null)));
        CaseDetails afterTriage = As.user(AMIRA, Roles.CASEWORKER, () -> cases.view(registered.caseFileId()));
        assertThat(afterTriage.phase()).as("verification comes next, still in triage").isEqualTo(Phase.TRIAGE);
        assertThat(afterTriage.mentor()).isEqualTo("sofia.mentor");
        assertThat(afterTriage.urgency()).isEqualTo(Urgency.CRITICAL);
        assertThat(sql.count("select count(*) from ACT_RU_TASK where PROC_INST_ID_ = ? and TASK_DEF_KEY_ = 'Task_Verify'",
                processInstance)).isOne();
    }

    @Test
    void sensitiveColumnsHoldNoPlaintext() throws Exception {
        String name = "Фатима Аль-Хадж " + System.nanoTime();
        IntakeService.Registered registered = As.user(AMIRA, Roles.CASEWORKER,
                () -> intake.register(request("Juniper", name, Urgency.STANDARD)));
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select legal_name_enc, legal_name_index, contact_enc, location_enc from casefile where id = ?")) {
            ps.setLong(1, registered.caseFileId());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                String row = rs.getString(1) + rs.getString(2) + rs.getString(3) + rs.getString(4);
                assertThat(row).doesNotContain(name).doesNotContain("Фатима").doesNotContain("Kazan")
                        .doesNotContain("+7 900");
            }
        }
        Sql sql = new Sql(dataSource);
        assertThat(sql.count("select count(*) from audit_event where detail like '%Фатима%' or actor like '%Фатима%'"))
                .isZero();
        // Found again through the blind index, whatever the case and spacing typed.
        var page = As.user(AMIRA, Roles.CASEWORKER, () -> cases.search(new CaseQuery(null, null,
                "  " + name.toUpperCase() + " ", null, null, null, null, false, 0, 25)));
        assertThat(page.rows()).extracting(r -> r.id()).containsExactly(registered.caseFileId());
        assertThat(sql.count("select count(*) from audit_event where action = 'CASE_SEARCHED_BY_NAME' and actor = ?"
                + " and detail is null", AMIRA)).as("name searches are audited without the name").isPositive();
        assertThat(page.rows().get(0).legalName()).as("legal names are masked in lists").isNull();
        long id = registered.caseFileId();
        assertThat(As.user(AMIRA, Roles.CASEWORKER, () -> cases.revealLegalName(id))).isEqualTo(name);
        assertThat(sql.count("select count(*) from audit_event where action = 'LEGAL_NAME_REVEALED' and actor = ?"
                + " and casefile_id = ? and outcome = 'SUCCESS'", AMIRA, id)).as("each reveal is audited").isOne();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> As.run("ivan.caseworker", Roles.CASEWORKER,
                () -> cases.revealLegalName(id))).isInstanceOf(org.continuum.platform.control.CaseAccessDenied.class);
    }

    @Test
    void intakeWithoutConsentIsRefusedAndNothingIsStored() throws Exception {
        Sql sql = new Sql(dataSource);
        long before = sql.count("select count(*) from casefile");
        IntakeRequest noConsent = new IntakeRequest("Moss", "No Consent", null, null, Situation.ASYLUM_SEEKER, "TR",
                List.of("tr"), RequestType.EMERGENCY_AID, Urgency.HIGH, Channel.PHONE, false);
        assertThatThrownBy(() -> As.run(AMIRA, Roles.CASEWORKER, () -> intake.register(noConsent)))
                .isInstanceOf(InvalidInput.class).hasMessage("intake.consent.required");
        assertThat(sql.count("select count(*) from casefile")).isEqualTo(before);
    }

    @Test
    void triageDeadlineTimerFiresInsideWildFly() throws Exception {
        // The test server shortens the CRITICAL deadline to 3 seconds; the job executor must fire the timer.
        IntakeService.Registered registered = As.user(AMIRA, Roles.CASEWORKER,
                () -> intake.register(request("Rowan", "Timer Test", Urgency.CRITICAL)));
        Sql sql = new Sql(dataSource);
        boolean flagged = Poll.until(Duration.ofSeconds(60), () -> sql.count(
                "select count(*) from casefile where id = ? and triage_overdue = true", registered.caseFileId()) == 1);
        assertThat(flagged).as("triage flagged overdue by the timer").isTrue();
        assertThat(sql.count("select count(*) from audit_event where action = 'CASE_TRIAGE_OVERDUE' and casefile_id = ? and actor = 'system'",
                registered.caseFileId())).isOne();
        assertThat(As.user(AMIRA, Roles.CASEWORKER, () -> cases.view(registered.caseFileId())).openTasks())
                .extracting(t -> t.definitionKey()).as("the task stays open").containsExactly("Task_Triage");
    }
}
