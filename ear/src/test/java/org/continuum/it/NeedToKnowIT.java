package org.continuum.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import org.continuum.audit.control.AuditDetails;
import org.continuum.casefile.boundary.CaseFileService;
import org.continuum.casefile.boundary.TaskInboxService;
import org.continuum.casefile.control.CaseQuery;
import org.continuum.casefile.control.CaseSummary;
import org.continuum.casefile.entity.Urgency;
import org.continuum.intake.boundary.IntakeService;
import org.continuum.intake.boundary.TriageService;
import org.continuum.platform.control.CaseAccessDenied;
import org.continuum.platform.control.Roles;
import org.continuum.security.control.FieldCipher;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Need to know through the boundaries: a caseworker of another team, a mentor not assigned, an auditor and an
 * administrator cannot open a case file, by list or by id; each refusal is audited with its reason.
 */
@ExtendWith(ArquillianExtension.class)
class NeedToKnowIT {

    static final String AMIRA = "amira.caseworker";
    static final String IVAN = "ivan.caseworker";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(NeedToKnowIT.class, IntakeIT.class, Sql.class);
    }

    @Inject
    FieldCipher cipher;

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

    private long menaCase;
    private Sql sql;

    @BeforeEach
    void menaCaseFile() throws Exception {
        sql = new Sql(dataSource);
        menaCase = As.user(AMIRA, Roles.CASEWORKER, () -> intake.register(IntakeIT.request("Sage", "Noor Haddad",
                Urgency.STANDARD))).caseFileId();
    }

    private long denials(String actor, String action, String detail) {
        return sql.count("select count(*) from audit_event where actor = ? and action = ? and outcome = 'DENIED' and detail = ?",
                actor, action, detail);
    }

    @Test
    void caseworkerOfAnotherTeamCannotOpenByIdAndTheAttemptIsAudited() throws Exception {
        long before = sql.count("select count(*) from audit_event where actor = ? and action = 'CASE_VIEWED' "
                + "and outcome = 'DENIED' and casefile_id = ?", IVAN, menaCase);
        assertThatThrownBy(() -> As.user(IVAN, Roles.CASEWORKER, () -> cases.view(menaCase)))
                .isInstanceOf(CaseAccessDenied.class);
        assertThat(sql.count("select count(*) from audit_event where actor = ? and action = 'CASE_VIEWED' "
                + "and outcome = 'DENIED' and casefile_id = ? and detail = 'other-team'", IVAN, menaCase))
                .isEqualTo(before + 1);
        assertThat(sql.count("select count(*) from audit_event where actor = ? and action = 'CASE_VIEWED' "
                + "and outcome = 'SUCCESS' and casefile_id = ?", IVAN, menaCase)).isZero();
    }

    @Test
    void caseworkerOfAnotherTeamDoesNotSeeItInListsOrTasks() throws Exception {
        var page = As.user(IVAN, Roles.CASEWORKER,
                () -> cases.search(new CaseQuery(null, null, "Noor Haddad", null, null, null, null, false, 0, 100)));
        assertThat(page.rows()).isEmpty();
        var all = As.user(IVAN, Roles.CASEWORKER,
                () -> cases.search(new CaseQuery(null, null, null, null, null, null, null, false, 0, 100)));
        assertThat(all.rows()).extracting(CaseSummary::id).doesNotContain(menaCase).isNotEmpty();
        assertThat(As.user(IVAN, Roles.CASEWORKER, () -> inbox.myTasks()))
                .noneMatch(t -> t.caseFileId() == menaCase);
    }

    @Test
    void triageTaskIdOfAnotherTeamIsRefusedAndAudited() throws Exception {
        String taskId = As.user(AMIRA, Roles.CASEWORKER, () -> cases.view(menaCase)).openTasks().get(0).id();
        long before = denials(IVAN, "TASK_OPENED", "other-team");
        assertThatThrownBy(() -> As.user(IVAN, Roles.CASEWORKER, () -> inbox.open(taskId)))
                .isInstanceOf(CaseAccessDenied.class);
        assertThatThrownBy(() -> As.run(IVAN, Roles.CASEWORKER, () -> triage.complete(taskId,
                new TriageService.TriageDecision(false, Urgency.STANDARD, "x", null, null,
                        null, null))))
                .isInstanceOf(CaseAccessDenied.class);
        assertThat(denials(IVAN, "TASK_OPENED", "other-team")).isEqualTo(before + 1);
        assertThat(As.user(AMIRA, Roles.CASEWORKER, () -> cases.view(menaCase)).openTasks())
                .as("the task was not completed").hasSize(1);
    }

    @Test
    void nonExistentIdsAndForgedTaskIdsAreRefusedLikeForbiddenOnes() throws Exception {
        assertThatThrownBy(() -> As.user(AMIRA, Roles.CASEWORKER, () -> cases.view(987_654_321L)))
                .isInstanceOf(CaseAccessDenied.class);
        assertThat(denials(AMIRA, "CASE_VIEWED", AuditDetails.stored("not-found requested=987654321",
                cipher::blindIndex))).as("audited with the id as an opaque code").isPositive();
        assertThat(denials(AMIRA, "CASE_VIEWED", "not-found requested=987654321")).as("never in clear").isZero();
        assertThatThrownBy(() -> As.user(AMIRA, Roles.CASEWORKER, () -> inbox.open("forged-task-id")))
                .isInstanceOf(CaseAccessDenied.class);
        assertThat(denials(AMIRA, "TASK_OPENED", "task-not-found")).isPositive();
    }

    @Test
    void unassignedMentorAuditorAndAdministratorSeeNoCaseContent() throws Exception {
        assertThatThrownBy(() -> As.user("sofia.mentor", Roles.SECURITY_MENTOR, () -> cases.view(menaCase)))
                .isInstanceOf(CaseAccessDenied.class);
        assertThat(denials("sofia.mentor", "CASE_VIEWED", "not-assigned")).isPositive();
        assertThatThrownBy(() -> As.user("nadia.auditor", Roles.AUDITOR, () -> cases.view(menaCase)))
                .isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> As.user("admin", Roles.ADMIN, () -> cases.view(menaCase)))
                .isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> As.user("admin", Roles.ADMIN, () -> intake.register(IntakeIT.request("X", "Y",
                Urgency.HIGH)))).isInstanceOf(EJBAccessException.class);
    }
}
