package org.continuum.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.continuum.administration.boundary.AccountAdministration;
import org.continuum.administration.boundary.AccountAdministration.NewAccount;
import org.continuum.casefile.boundary.BreakGlassReport;
import org.continuum.casefile.boundary.BreakGlassService;
import org.continuum.casefile.boundary.CaseFileService;
import org.continuum.casefile.control.BreakGlasses;
import org.continuum.casefile.entity.Urgency;
import org.continuum.identity.boundary.ReauthenticationService;
import org.continuum.identity.entity.Role;
import org.continuum.intake.boundary.IntakeService;
import org.continuum.platform.control.CaseAccessDenied;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.control.Roles;
import org.continuum.referral.boundary.ReferralService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Break-glass: a coordinator of MENA opens a EUR-EAST case file in an emergency. Without a step-up or with a short
 * reason nothing opens; then it reads only, every opening audited; acting waits for a second coordinator of the case's
 * team, who was told; the timeline shows it; the auditors' report lists who, why, how long and what was opened; it
 * ends when its time is up; a mentor of another team than the assigned mentor's may not break it.
 */
@ExtendWith(ArquillianExtension.class)
class BreakGlassIT {

    static final String CLAIRE = "claire.coordinator";
    static final String IVAN = "ivan.caseworker";
    /** A second MENA coordinator, so that each test's step-up needs no new time step of the same account. */
    static final String OMAR = "omar.coordinator";
    static final String REASON = "Ivan's team unreachable, the person reported arrest threats tonight";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(BreakGlassIT.class, IntakeIT.class, Sql.class, As.class, DemoCodes.class,
                Poll.class);
    }

    @Inject
    IntakeService intake;

    @Inject
    CaseFileService cases;

    @Inject
    BreakGlassService breakGlass;

    @Inject
    BreakGlassReport report;

    @Inject
    ReauthenticationService reauth;

    @Inject
    ReferralService referrals;

    @Inject
    AccountAdministration administration;

    @Resource(lookup = "java:jboss/datasources/ContinuumDS")
    DataSource dataSource;

    private Sql sql;
    private long caseFileId;
    private String reference;
    private String eastLead;

    @BeforeEach
    void eastCaseFileAndItsCoordinator() throws Exception {
        sql = new Sql(dataSource);
        long n = System.nanoTime() % 100_000;
        var registered = As.user(IVAN, Roles.CASEWORKER, () -> intake.register(IntakeIT.request("Glass-" + n,
                "Арсений Стеклов " + n, Urgency.CRITICAL)));
        caseFileId = registered.caseFileId();
        reference = registered.reference();
        eastLead = "test.eastlead" + n;
        As.run("admin", Roles.ADMIN, () -> administration.create(new NewAccount(eastLead, "East lead " + n,
                eastLead + "@continuum.test", EnumSet.of(Role.COORDINATOR), "EUR-EAST", "en",
                "Steady-Orchard-Breeze-64".toCharArray())));
    }

    private void stepUp(String user, String role, String password) throws Exception {
        String code = DemoCodes.nextCode(dataSource, user);
        assertThat(As.user(user, role, () -> reauth.reauthenticate(password.toCharArray(), code))).isTrue();
    }

    private long audited(String actor, String action, String outcome, String detailLike) {
        return sql.count("select count(*) from audit_event where actor = ? and action = ? and outcome = ?"
                + " and casefile_id = ? and detail like ?", actor, action, outcome, caseFileId, detailLike);
    }

    @Test
    void readOnlyUntilASecondCoordinatorConfirmsToldAuditedAndReported() throws Exception {
        assertThatThrownBy(() -> As.user(CLAIRE, Roles.COORDINATOR, () -> cases.view(caseFileId)))
                .isInstanceOf(CaseAccessDenied.class);
        assertThatThrownBy(() -> As.user(CLAIRE, Roles.COORDINATOR, () -> breakGlass.open(reference, REASON, true)))
                .as("no step-up in this session").isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).messageKey()).isEqualTo("breakglass.reauth.required");
        stepUp(CLAIRE, Roles.COORDINATOR, "Demo-Coordinator-1");
        assertThatThrownBy(() -> As.user(CLAIRE, Roles.COORDINATOR, () -> breakGlass.open(reference,
                "urgent, sorry", true))).extracting(e -> ((InvalidInput) e).messageKey())
                .isEqualTo("breakglass.reason.short");
        assertThat(sql.count("select count(*) from break_glass where casefile_id = ?", caseFileId)).isZero();

        long opened = As.user(CLAIRE, Roles.COORDINATOR, () -> breakGlass.open(" " + reference.toLowerCase() + " ",
                REASON, true));
        assertThat(opened).isEqualTo(caseFileId);
        assertThat(sql.string("select reason_enc from break_glass where casefile_id = ?", caseFileId))
                .as("the reason is sealed").doesNotContain("arrest");

        assertThat(As.user(CLAIRE, Roles.COORDINATOR, () -> cases.view(caseFileId)).reference()).isEqualTo(reference);
        assertThat(audited(CLAIRE, "BREAK_GLASS_USED", "SUCCESS", "action=CASE_VIEWED")).isOne();
        assertThatThrownBy(() -> As.run(CLAIRE, Roles.COORDINATOR, () -> referrals.recordTargetedForWork(caseFileId,
                true))).as("reading only until confirmed").isInstanceOf(CaseAccessDenied.class);
        assertThat(audited(CLAIRE, "CASE_PROFILE_UPDATED", "DENIED", "other-team break-glass read-only")).isOne();

        assertThat(sql.count("select count(*) from notification where kind = 'BREAK_GLASS' and recipient = ?",
                eastLead)).as("the case team's coordinator is told").isOne();
        assertThat(sql.count("select count(*) from notification where kind = 'BREAK_GLASS' and recipient = ?",
                CLAIRE)).as("not the opener").isZero();
        assertThat(sql.count("select count(*) from case_event where casefile_id = ? and kind = 'BREAK_GLASS_OPENED'"
                + " and actor = ?", caseFileId, CLAIRE)).as("the timeline shows it").isOne();

        List<BreakGlassService.Access> waiting = As.user(eastLead, Roles.COORDINATOR,
                () -> breakGlass.awaitingMyConfirmation());
        assertThat(waiting).extracting(BreakGlassService.Access::reference).contains(reference);
        long glassId = waiting.stream().filter(a -> a.caseFileId() == caseFileId).findFirst().orElseThrow().id();
        assertThatThrownBy(() -> As.run(CLAIRE, Roles.COORDINATOR, () -> breakGlass.confirm(glassId)))
                .as("never one's own request").isInstanceOf(CaseAccessDenied.class);
        As.run(eastLead, Roles.COORDINATOR, () -> breakGlass.confirm(glassId));
        assertThat(sql.count("select count(*) from case_event where casefile_id = ? and kind = 'BREAK_GLASS_CONFIRMED'",
                caseFileId)).isOne();

        As.run(CLAIRE, Roles.COORDINATOR, () -> referrals.recordTargetedForWork(caseFileId, true));
        assertThat(audited(CLAIRE, "BREAK_GLASS_USED", "SUCCESS", "action=CASE_PROFILE_UPDATED")).isOne();

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<BreakGlassReport.Row> rows = As.user("nadia.auditor", Roles.AUDITOR, () -> report.between(today, today));
        BreakGlassReport.Row row = rows.stream().filter(r -> r.reference().equals(reference)).findFirst().orElseThrow();
        assertThat(row.username()).isEqualTo(CLAIRE);
        assertThat(row.reason()).isEqualTo(REASON);
        assertThat(row.minutes()).isEqualTo(60);
        assertThat(row.confirmedBy()).isEqualTo(eastLead);
        assertThat(row.opened()).extracting(BreakGlassReport.Opening::action)
                .containsExactly("CASE_VIEWED", "CASE_PROFILE_UPDATED");
        assertThatThrownBy(() -> As.user(CLAIRE, Roles.COORDINATOR, () -> report.between(today, today)))
                .as("the report is the auditors'").isInstanceOf(jakarta.ejb.EJBAccessException.class);
    }

    @Test
    void theStepUpBelongsToThisSessionAndTheAccessEndsWhenItsTimeIsUp() throws Exception {
        stepUp(OMAR, Roles.COORDINATOR, "Demo-Coordinator-2");
        assertThat(As.user(OMAR, Roles.COORDINATOR, () -> breakGlass.stepUpNeeded())).isFalse();
        // Another thread has no HTTP session: the step-up typed in this one does not count there.
        var domain = As.domain();
        var other = Executors.newSingleThreadExecutor();
        try {
            boolean elsewhere = CompletableFuture.supplyAsync(() -> {
                try {
                    return As.user(domain, OMAR, Roles.COORDINATOR, () -> breakGlass.stepUpNeeded());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, other).get();
            assertThat(elsewhere).isTrue();
        } finally {
            other.shutdown();
        }

        String before = System.getProperty(BreakGlasses.DURATION_PROPERTY);
        System.setProperty(BreakGlasses.DURATION_PROPERTY, "PT3S");
        try {
            As.user(OMAR, Roles.COORDINATOR, () -> breakGlass.open(reference, REASON, false));
        } finally {
            if (before == null) {
                System.clearProperty(BreakGlasses.DURATION_PROPERTY);
            } else {
                System.setProperty(BreakGlasses.DURATION_PROPERTY, before);
            }
        }
        As.user(OMAR, Roles.COORDINATOR, () -> cases.view(caseFileId));
        assertThat(Poll.until(Duration.ofSeconds(20), () -> !omarCanView()))
                .as("the access ends after its time").isTrue();
        assertThat(As.user(OMAR, Roles.COORDINATOR, () -> breakGlass.mine()))
                .noneMatch(a -> a.caseFileId() == caseFileId);
    }

    private boolean omarCanView() {
        try {
            As.user(OMAR, Roles.COORDINATOR, () -> cases.view(caseFileId));
            return true;
        } catch (CaseAccessDenied ended) {
            return false;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aMentorMayBreakTheGlassOnlyForACaseOfTheirTeamsMentors() throws Exception {
        // The EUR-EAST case has no mentor of MENA: Sofia (MENA) may not open it.
        stepUp("sofia.mentor", Roles.SECURITY_MENTOR, "Demo-Mentor-2026");
        assertThatThrownBy(() -> As.user("sofia.mentor", Roles.SECURITY_MENTOR, () -> breakGlass.open(reference,
                REASON, false))).isInstanceOf(CaseAccessDenied.class);
        assertThat(audited("sofia.mentor", "BREAK_GLASS_OPENED", "DENIED", "not-eligible")).isOne();
        assertThatThrownBy(() -> As.user(IVAN, Roles.CASEWORKER, () -> breakGlass.open(reference, REASON, false)))
                .as("caseworkers do not break the glass").isInstanceOf(jakarta.ejb.EJBAccessException.class);
    }
}
