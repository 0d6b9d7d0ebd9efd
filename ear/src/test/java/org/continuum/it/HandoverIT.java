package org.continuum.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.continuum.administration.boundary.AccountAdministration;
import org.continuum.administration.boundary.AccountAdministration.NewAccount;
import org.continuum.administration.boundary.Handover;
import org.continuum.casefile.boundary.TaskInboxService;
import org.continuum.casefile.control.WorkTask;
import org.continuum.casefile.entity.Urgency;
import org.continuum.identity.entity.Role;
import org.continuum.intake.boundary.IntakeService;
import org.continuum.intake.boundary.TriageService;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.control.Roles;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A mentor leaves: the administrator lists what moves (the case they mentor and its open task, a task they claimed
 * on another case), then hands everything to a colleague, who gets it all, is told, and the trail shows each item.
 */
@ExtendWith(ArquillianExtension.class)
class HandoverIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(HandoverIT.class, IntakeIT.class, Sql.class, As.class);
    }

    @Inject
    AccountAdministration administration;

    @Inject
    Handover handover;

    @Inject
    IntakeService intake;

    @Inject
    TriageService triage;

    @Inject
    TaskInboxService inbox;

    @Resource(lookup = "java:jboss/datasources/ContinuumDS")
    DataSource dataSource;

    private void account(String username, Role... roles) throws Exception {
        // With an address: notifications go to people who have one.
        As.run("admin", Roles.ADMIN, () -> administration.create(new NewAccount(username, "Test " + username,
                username + "@continuum.test",
                EnumSet.of(roles[0], roles), "MENA", "en", "Steady-Orchard-Breeze-64".toCharArray())));
    }

    private WorkTask task(String user, String role, long caseFileId, String key) throws Exception {
        return As.user(user, role, () -> inbox.myTasks()).stream()
                .filter(t -> t.caseFileId() == caseFileId && t.definitionKey().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError(key + " not in the inbox of " + user));
    }

    @Test
    void everythingOfTheLeavingMentorMovesToTheColleagueListedFirstAuditedItemByItem() throws Exception {
        long n = System.nanoTime() % 100_000;
        String leaving = "test.leaving" + n;
        String colleague = "test.colleague" + n;
        String auditorOnly = "test.auditor" + n;
        account(leaving, Role.SECURITY_MENTOR, Role.CASEWORKER);
        account(colleague, Role.SECURITY_MENTOR, Role.CASEWORKER);
        As.run("admin", Roles.ADMIN, () -> administration.create(new NewAccount(auditorOnly, "Auditor", null,
                EnumSet.of(Role.AUDITOR), null, "en", "Steady-Orchard-Breeze-64".toCharArray())));

        long mentored = As.user("amira.caseworker", Roles.CASEWORKER, () -> intake.register(IntakeIT.request(
                "Handover-" + n, "Ольга Handover " + n, Urgency.HIGH))).caseFileId();
        As.run("amira.caseworker", Roles.CASEWORKER, () -> triage.complete(
                task("amira.caseworker", Roles.CASEWORKER, mentored, "Task_Triage").id(),
                new TriageService.TriageDecision(true, Urgency.HIGH, null, null, null, leaving, null)));
        long claimed = As.user("amira.caseworker", Roles.CASEWORKER, () -> intake.register(IntakeIT.request(
                "Handover-claim-" + n, "Ольга Claim " + n, Urgency.STANDARD))).caseFileId();
        As.run(leaving, Roles.CASEWORKER, () -> inbox.claim(task(leaving, Roles.CASEWORKER, claimed, "Task_Triage").id()));

        Handover.Plan refused = As.user("admin", Roles.ADMIN, () -> handover.preview(leaving, auditorOnly));
        assertThat(refused.possible()).as("an auditor cannot mentor or triage").isFalse();
        assertThat(refused.items()).extracting(Handover.Item::problem).contains("handover.role");
        assertThatThrownBy(() -> As.run("admin", Roles.ADMIN, () -> handover.handOver(leaving, auditorOnly)))
                .isInstanceOf(InvalidInput.class);

        Handover.Plan plan = As.user("admin", Roles.ADMIN, () -> handover.preview(leaving, colleague));
        assertThat(plan.possible()).isTrue();
        assertThat(plan.items()).extracting(Handover.Item::pseudonym)
                .contains("Handover-" + n, "Handover-claim-" + n);
        assertThat(plan.items()).as("the mentor assignment and the claimed task").hasSize(2);
        assertThat(plan.items().toString()).as("nothing but reference and pseudonym of a case")
                .doesNotContain("Ольга");

        int moved = As.user("admin", Roles.ADMIN, () -> handover.handOver(leaving, colleague));
        assertThat(moved).isEqualTo(2);
        Sql engine = new Sql(dataSource);
        assertThat(engine.count("select count(*) from act_ru_task where assignee_ = ?", leaving))
                .as("no task left with the leaving mentor").isZero();
        assertThat(task(colleague, Roles.CASEWORKER, claimed, "Task_Triage").assignee()).isEqualTo(colleague);
        assertThat(As.user("admin", Roles.ADMIN, () -> handover.preview(leaving, colleague)).items()).isEmpty();

        Sql sql = new Sql(dataSource);
        assertThat(sql.count("select count(*) from audit_event where action = 'HANDOVER' and actor = 'admin'"
                + " and detail like ?", "%" + leaving + " to " + colleague + "%")).as("each item and the whole")
                .isEqualTo(3);
        assertThat(sql.count("select count(*) from casefile where id = ? and assigned_mentor_id ="
                + " (select id from app_user where username = ?)", mentored, colleague)).isOne();
        assertThat(sql.count("select count(*) from notification where recipient = ? and kind = 'TASK_ASSIGNED'",
                colleague)).as("the colleague is told, once per case").isEqualTo(2);
    }
}
