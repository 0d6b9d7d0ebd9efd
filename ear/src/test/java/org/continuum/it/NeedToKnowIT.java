package org.continuum.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import org.continuum.administration.boundary.AccountAdministration;
import org.continuum.audit.control.AuditDetails;
import org.continuum.casefile.boundary.CaseFileService;
import org.continuum.casefile.boundary.TaskInboxService;
import org.continuum.casefile.control.CaseQuery;
import org.continuum.casefile.control.CaseSummary;
import org.continuum.casefile.entity.RiskLevel;
import org.continuum.casefile.entity.Phase;
import org.continuum.casefile.entity.Urgency;
import org.continuum.identity.entity.Role;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
        return Deployments.withTests(NeedToKnowIT.class, IntakeIT.class, Sql.class, As.class);
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

    @Inject
    AccountAdministration administration;

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
    void keptCountsMoveWithEveryCommittedCaseFileAndNeverLag() throws Exception {
        CaseQuery all = new CaseQuery(null, null, null, null, null, null, null, false, 0, 20);
        CaseQuery triage = new CaseQuery(null, null, null, Phase.TRIAGE, null, null, null, false, 0, 20);
        String mena = "select count(*) from casefile c join team t on t.id = c.team_id where t.code = 'MENA'";
        for (int round = 0; round < 3; round++) {
            long before = As.user(AMIRA, Roles.CASEWORKER, () -> cases.count(all));
            long triageBefore = As.user(AMIRA, Roles.CASEWORKER, () -> cases.count(triage));
            long barBefore = As.user(AMIRA, Roles.CASEWORKER, () -> cases.dashboard()).byPhase()
                    .getOrDefault(Phase.TRIAGE, 0L);
            assertThat(before).as("the count a second time, kept").isEqualTo(sql.count(mena))
                    .isEqualTo(As.user(AMIRA, Roles.CASEWORKER, () -> cases.count(all)));
            int n = round;
            As.user(AMIRA, Roles.CASEWORKER, () -> intake.register(IntakeIT.request("Kept" + n,
                    "Лейла Кепт " + n, Urgency.STANDARD)));
            assertThat(As.user(AMIRA, Roles.CASEWORKER, () -> cases.count(all))).isEqualTo(before + 1)
                    .isEqualTo(sql.count(mena));
            assertThat(As.user(AMIRA, Roles.CASEWORKER, () -> cases.count(triage))).isEqualTo(triageBefore + 1);
            assertThat(As.user(AMIRA, Roles.CASEWORKER, () -> cases.dashboard()).byPhase().get(Phase.TRIAGE))
                    .isEqualTo(barBefore + 1);
        }
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

    /**
     * A coordinator who also mentors reads two scopes: the team's case files and those they mentor outside it. The
     * list reads each scope by its own index and merges them; walked page by page in every order, it must give each
     * visible case file exactly once, in order, and count them right.
     */
    @Test
    void aCoordinatorWhoAlsoMentorsPagesThroughBothScopesWithoutGapOrRepeat() throws Exception {
        long n = System.nanoTime() % 100_000;
        String lead = "test.lead" + n;
        EnumSet<Role> both = EnumSet.of(Role.COORDINATOR, Role.SECURITY_MENTOR);
        As.run("admin", Roles.ADMIN, () -> administration.create(new AccountAdministration.NewAccount(lead,
                "Lead " + n, null, both, "MENA", "en", "Steady-Orchard-Breeze-64".toCharArray())));
        // From the case page, not the inbox: with the whole suite's case files the team inbox lists older ones first.
        String triageTask = As.user(AMIRA, Roles.CASEWORKER, () -> cases.view(menaCase)).openTasks().stream()
                .filter(t -> t.definitionKey().equals("Task_Triage")).findFirst().orElseThrow().id();
        As.run(AMIRA, Roles.CASEWORKER, () -> triage.complete(triageTask, new TriageService.TriageDecision(true,
                Urgency.STANDARD, null, null, null, lead, null)));
        As.run("admin", Roles.ADMIN, () -> administration.change(lead, both, "EUR-EAST", "Lead " + n));

        Set<String> expected = new HashSet<>(sql.strings("select cast(c.id as varchar(20)) from casefile c"
                + " join team t on t.id = c.team_id left join app_user u on u.id = c.assigned_mentor_id"
                + " where t.code = 'EUR-EAST' or u.username = ?", lead));
        assertThat(expected).as("a MENA case file mentored by an EUR-EAST coordinator").contains(String.valueOf(menaCase));
        Set<String> roles = Set.of(Roles.COORDINATOR, Roles.SECURITY_MENTOR);
        for (String sort : List.of("createdAt", "pseudonym", "phase")) {
            for (boolean ascending : new boolean[] {true, false}) {
                List<CaseSummary> walked = new ArrayList<>();
                long total = walk(lead, roles, null, sort, ascending, 7, walked);
                assertThat(total).as("count, by %s", sort).isEqualTo(expected.size());
                assertThat(walked).extracting(r -> String.valueOf(r.id())).as("pages by %s", sort)
                        .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
                if (sort.equals("createdAt")) {
                    for (int i = 1; i < walked.size(); i++) {
                        int order = walked.get(i - 1).createdAt().compareTo(walked.get(i).createdAt());
                        assertThat(ascending ? order : -order).as("in order at row %d", i).isLessThanOrEqualTo(0);
                    }
                }
                if (sort.equals("phase")) {
                    // Ties are broken by id in the sort's direction (one index per column serves both directions).
                    Comparator<CaseSummary> byPhaseThenId = Comparator.comparing((CaseSummary r) -> r.phase().name())
                            .thenComparingLong(CaseSummary::id);
                    assertThat(walked).as("by phase, then id, %s", ascending ? "ascending" : "descending")
                            .isSortedAccordingTo(ascending ? byPhaseThenId : byPhaseThenId.reversed());
                }
            }
        }
        // Filtered by the mentored case file's phase: the sort indexes keep that phase as they walk (V27).
        Phase phase = Phase.valueOf(sql.strings("select phase from casefile where id = ?", menaCase).get(0));
        Set<String> inPhase = new HashSet<>(sql.strings("select cast(c.id as varchar(20)) from casefile c"
                + " join team t on t.id = c.team_id left join app_user u on u.id = c.assigned_mentor_id"
                + " where (t.code = 'EUR-EAST' or u.username = ?) and c.phase = ?", lead, phase.name()));
        for (String sort : List.of("createdAt", "pseudonym", "country")) {
            for (boolean ascending : new boolean[] {true, false}) {
                List<CaseSummary> walked = new ArrayList<>();
                long total = walk(lead, roles, phase, sort, ascending, 5, walked);
                assertThat(total).as("count in %s, by %s", phase, sort).isEqualTo(inPhase.size());
                assertThat(walked).extracting(r -> String.valueOf(r.id())).as("pages in %s by %s", phase, sort)
                        .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(inPhase);
                if (sort.equals("createdAt")) {
                    Comparator<CaseSummary> byDate = Comparator.comparing(CaseSummary::createdAt)
                            .thenComparingLong(CaseSummary::id);
                    assertThat(walked).isSortedAccordingTo(ascending ? byDate : byDate.reversed());
                }
            }
        }
        var dashboard = As.user(lead, roles, () -> cases.dashboard());
        String visible = "select count(*) from casefile c join team t on t.id = c.team_id"
                + " left join app_user u on u.id = c.assigned_mentor_id where (t.code = 'EUR-EAST' or u.username = ?)";
        assertThat(dashboard.byPhase().values().stream().mapToLong(Long::longValue).sum())
                .as("the dashboard counts the open case files of both scopes")
                .isEqualTo(sql.count(visible + " and c.phase <> 'CLOSED'", lead)).isPositive();
        assertThat(dashboard.byPhase()).as("closed case files are the reports' business").doesNotContainKey(Phase.CLOSED);
        for (Phase p : Phase.open()) {
            assertThat(dashboard.byPhase().getOrDefault(p, 0L)).as("case files in %s", p)
                    .isEqualTo(sql.count(visible + " and c.phase = ?", lead, p.name()));
        }
        for (RiskLevel level : RiskLevel.values()) {
            assertThat(dashboard.byRisk().getOrDefault(level, 0L)).as("open case files at %s risk", level)
                    .isEqualTo(sql.count(visible + " and c.phase <> 'CLOSED' and c.risk_level = ?", lead,
                            level.name()));
        }
    }

    /** Pages through the list as {@code user}, adding every row to {@code walked}; returns the list's total. */
    private long walk(String user, Set<String> roles, Phase phase, String sort, boolean ascending, int size,
                      List<CaseSummary> walked) throws Exception {
        long total = -1;
        for (int first = 0; first == 0 || first < total; first += size) {
            int from = first;
            var page = As.user(user, roles, () -> cases.search(new CaseQuery(null, null, null, phase, null, null,
                    sort, ascending, from, size)));
            total = page.total();
            walked.addAll(page.rows());
        }
        return total;
    }
}
