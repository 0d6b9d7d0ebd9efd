package org.continuum.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.continuum.casefile.boundary.TaskInboxService;
import org.continuum.casefile.entity.Urgency;
import org.continuum.document.boundary.DossierService;
import org.continuum.grant.boundary.Decision;
import org.continuum.grant.boundary.DecisionView;
import org.continuum.grant.boundary.FundService;
import org.continuum.grant.boundary.GrantDetails;
import org.continuum.grant.boundary.GrantService;
import org.continuum.grant.boundary.GrantSummary;
import org.continuum.grant.entity.DecisionKind;
import org.continuum.grant.entity.Disbursement;
import org.continuum.grant.entity.DisbursementMethod;
import org.continuum.grant.entity.EmergencyGrant;
import org.continuum.grant.entity.GrantCategory;
import org.continuum.grant.entity.GrantStatus;
import org.continuum.identity.boundary.ReauthenticationService;
import org.continuum.intake.boundary.IntakeService;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.control.Roles;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wildfly.security.auth.server.SecurityDomain;

import java.math.BigDecimal;
import java.security.PrivilegedExceptionAction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Emergency grants inside WildFly on the real engine and database: rules with their messages, four eyes through
 * the boundary (R4), step-up, tranches, the accountability report, and R3: two coordinators and ten threads racing
 * to approve and pay the same grant, repeated, exactly one payment every time and no fund ever overspent.
 */
@ExtendWith(ArquillianExtension.class)
class EmergencyGrantIT {

    static final String AMIRA = "amira.caseworker";
    static final String CLAIRE = "claire.coordinator";
    static final String OMAR = "omar.coordinator";
    static final String KARIM = "karim.lead";
    static final String CLAIRE_PASSWORD = "Demo-Coordinator-1";
    static final String OMAR_PASSWORD = "Demo-Coordinator-2";
    static final String PURPOSE = "Replace the phone seized at the checkpoint and secure the accounts";
    private static final Logger LOG = Logger.getLogger(EmergencyGrantIT.class.getName());

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(DossierIT.class, EmergencyGrantIT.class, IntakeIT.class, Sql.class, DemoCodes.class);
    }

    @Inject
    DossierService dossiers;

    @Inject
    IntakeService intake;

    @Inject
    GrantService grants;

    @Inject
    ReauthenticationService reauth;

    @Inject
    TaskInboxService inbox;

    @Inject
    FundService fundAdmin;

    @Resource(lookup = "java:jboss/datasources/ContinuumDS")
    DataSource dataSource;

    // --- helpers -------------------------------------------------------------------------------------------------

    private long newCase(String pseudonym) throws Exception {
        return As.user(AMIRA, Roles.CASEWORKER, () -> intake.register(IntakeIT.request(pseudonym,
                "Лейла " + pseudonym + " " + System.nanoTime(), Urgency.HIGH))).caseFileId();
    }

    private long fundId(String code) {
        return new Sql(dataSource).count("select id from fund where code = ?", code);
    }

    private static EmergencyGrant.Request request(GrantCategory category, String amount, String currency,
                                                  int tranches, boolean targeted) {
        return new EmergencyGrant.Request(category, 1, PURPOSE, new BigDecimal(amount), currency,
                new BigDecimal(amount), LocalDate.now(ZoneOffset.UTC), tranches, targeted, true, BigDecimal.ONE);
    }

    private GrantSummary recommend(String user, String role, long caseId, long fundId,
                                                EmergencyGrant.Request request) throws Exception {
        return As.user(user, role, () -> grants.request(caseId, fundId, request));
    }

    /**
     * Password and a fresh code of the person's second factor (the demo secrets are public). A code is accepted
     * once per 30-second step, so a step-up still open in this session (this test's request) is not repeated.
     */
    /**
     * Each coordinator works from one browser session for the whole class, as a person keeps one browser open: a
     * step-up passed in it counts for the next five minutes of their calls here, and nowhere else. (Each test method
     * is a request of its own, without the session cookie, so the session is held here.)
     */
    private static final Map<String, OneSession> SESSIONS = new ConcurrentHashMap<>();

    private static OneSession session(String user) {
        return SESSIONS.computeIfAbsent(user, u -> new OneSession());
    }

    /** A coordinator's call from their browser session. */
    private <T> T inSession(String user, PrivilegedExceptionAction<T> work) throws Exception {
        SecurityDomain domain = As.domain();
        return session(user).callOnOwnThread(() -> As.user(domain, user, Roles.COORDINATOR, work));
    }

    /**
     * Password and a fresh code of the person's second factor (the demo secrets are public), typed in their browser
     * session; not repeated while the step-up there is still open (a code is accepted once per 30-second step).
     */
    private void stepUp(String user, String password) throws Exception {
        String code = inSession(user, () -> reauth.needed()) ? freshCode(user) : null;
        if (code != null) {
            assertThat(inSession(user, () -> reauth.reauthenticate(password.toCharArray(), code))).isTrue();
        }
    }

    private String freshCode(String user) {
        return DemoCodes.nextCode(dataSource, user);
    }

    private static Decision approve(String reason) {
        return new Decision(DecisionKind.APPROVE, null, BigDecimal.ONE, reason, true);
    }

    private static Disbursement.Payment payment(DisbursementMethod method, String reference) {
        return new Disbursement.Payment(method, reference, "Receipt signed by the partner",
                LocalDate.now(ZoneOffset.UTC));
    }

    private GrantDetails details(String user, String role, long grantId) throws Exception {
        return As.user(user, role, () -> grants.grant(grantId));
    }

    private long disbursements(long grantId) {
        return new Sql(dataSource).count("select count(*) from disbursement where grant_id = ?", grantId);
    }

    /** A fund of our own with a known budget, so the figures below do not depend on the demo funds. */
    private long newFund(String code, String budget, String dualAbove) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("insert into fund (code, name, donor, currency, budget,"
                    + " period_start, period_end, ceiling_per_grant, dual_approval_above, co_funding_percent,"
                    + " no_exile_costs, requires_targeted_for_work, no_retrospective, report_due_days, version)"
                    + " values (?, ?, 'Test donor', 'EUR', ?, ?, ?, null, ?, 0, false, false, true, 30, 0)")) {
                ps.setString(1, code);
                ps.setString(2, "Test fund " + code);
                ps.setBigDecimal(3, new BigDecimal(budget));
                ps.setObject(4, LocalDate.now(ZoneOffset.UTC).minusDays(1));
                ps.setObject(5, LocalDate.now(ZoneOffset.UTC).plusYears(1));
                ps.setBigDecimal(6, new BigDecimal(dualAbove));
                ps.executeUpdate();
            }
            long id = fundId(code);
            try (PreparedStatement ps = c.prepareStatement("insert into fund_category (fund_id, category) values (?, ?)")) {
                for (GrantCategory category : GrantCategory.values()) {
                    ps.setLong(1, id);
                    ps.setString(2, category.name());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return id;
        }
    }

    // --- scenarios -----------------------------------------------------------------------------------------------

    @Test
    void recommendedApprovedPaidOnceAndAccountedFor() throws Exception {
        long caseId = newCase("Juniper");
        long fund = fundId("SOLIDARITY-USD");
        Sql sql = new Sql(dataSource);
        BigDecimal disbursedBefore = new BigDecimal(sql.string("select disbursed from fund where id = ?", fund));
        GrantSummary grant = recommend(AMIRA, Roles.CASEWORKER, caseId, fund,
                request(GrantCategory.DIGITAL_SECURITY, "800.00", "USD", 1, false));
        assertThat(grant.reference()).matches("G-\\d{4}-\\d{4}");
        assertThat(grant.status()).isEqualTo(GrantStatus.RECOMMENDED);

        GrantDetails seen = details(CLAIRE, Roles.COORDINATOR, grant.id());
        assertThat(seen.canDecide()).isTrue();
        assertThat(seen.ruleProblems()).isEmpty();
        assertThat(seen.approvalsRequired()).isEqualTo(1);
        assertThat(As.user(CLAIRE, Roles.COORDINATOR, () -> grants.desk()).awaitingMyDecision())
                .extracting(GrantSummary::id).contains(grant.id());

        stepUp(CLAIRE, CLAIRE_PASSWORD);
        assertThat(inSession(CLAIRE, () -> grants.decide(grant.id(),
                approve("Fits the fund; phone seized, accounts at risk"))).status()).isEqualTo(GrantStatus.APPROVED);
        assertThat(sql.string("select committed from fund where id = ?", fund)).isEqualTo("800.00");

        stepUp(OMAR, OMAR_PASSWORD);
        GrantSummary paid = inSession(OMAR, () -> grants.disburse(grant.id(),
                new BigDecimal("800.00"), payment(DisbursementMethod.PARTNER_ORGANISATION, "TRF-CANARY-7731")));
        assertThat(paid.status()).isEqualTo(GrantStatus.DISBURSED);
        assertThat(paid.reportDueOn()).isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(30));
        assertThat(disbursements(grant.id())).isOne();
        assertThat(new BigDecimal(sql.string("select disbursed from fund where id = ?", fund)))
                .isEqualByComparingTo(disbursedBefore.add(new BigDecimal("800.00")));
        assertThat(sql.string("select committed from fund where id = ?", fund)).isEqualTo("0.00");
        assertThat(sql.count("select count(*) from disbursement where reference_enc like '%CANARY%'"))
                .as("the payment reference is sealed").isZero();
        assertThat(details(AMIRA, Roles.CASEWORKER, grant.id()).payments()).singleElement()
                .satisfies(p -> assertThat(p.reference()).as("not for caseworkers").isNull());
        assertThat(details(OMAR, Roles.COORDINATOR, grant.id()).payments()).singleElement()
                .satisfies(p -> assertThat(p.reference()).isEqualTo("TRF-CANARY-7731"));

        String forCoordinator = DossierIT.text(As.user(OMAR, Roles.COORDINATOR,
                () -> dossiers.grantRecord(grant.id(), "en")));
        assertThat(forCoordinator).contains(grant.reference(), "Fits the fund; phone seized, accounts at risk",
                "#1 · 800.00 USD · Through a partner organisation", "Digital security", "Paid, report awaited",
                "TRF-CANARY-7731").doesNotContain("PARTNER_ORGANISATION", "DISBURSED");
        assertThat(DossierIT.text(As.user(AMIRA, Roles.CASEWORKER, () -> dossiers.grantRecord(grant.id(), "en"))))
                .as("payment reference for coordinators only").contains(grant.reference())
                .doesNotContain("TRF-CANARY-7731");

        assertThat(As.user(AMIRA, Roles.CASEWORKER, () -> inbox.myTasks()))
                .anySatisfy(t -> assertThat(t.grantId()).isEqualTo(grant.id()));
        assertThat(As.user(AMIRA, Roles.CASEWORKER, () -> grants.reportReceived(grant.id(),
                "Receipts for the phone and the VPN subscription")).status()).isEqualTo(GrantStatus.REPORTED);
        assertThat(sql.count("select count(*) from case_event where casefile_id = ? and kind in"
                + " ('EMERGENCY_GRANT_REQUESTED', 'GRANT_APPROVED', 'GRANT_DISBURSED', 'GRANT_REPORT_RECEIVED')",
                caseId)).isEqualTo(4);
        assertThat(sql.count("select count(*) from act_ru_execution where business_key_ = ?", grant.reference()))
                .as("the grant process ended").isZero();
    }

    @Test
    void fundRulesAreCheckedWithEveryProblemListed() throws Exception {
        long caseId = newCase("Rowan");
        long defenders = fundId("DEFENDERS-2026");
        EmergencyGrant.Request broken = new EmergencyGrant.Request(GrantCategory.SUBSISTENCE, 1, PURPOSE,
                new BigDecimal("9000.00"), "EUR", new BigDecimal("9000.00"),
                LocalDate.now(ZoneOffset.UTC).minusDays(3), 1, false, false, BigDecimal.ONE);
        assertThatThrownBy(() -> recommend(AMIRA, Roles.CASEWORKER, caseId, defenders, broken))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.messageKeys()).containsExactlyInAnyOrder(
                        "grant.rule.category", "grant.rule.ceiling:7500.00 EUR:9000.00 EUR", "grant.rule.targeted",
                        "grant.rule.retrospective", "grant.rule.fundedElsewhere"));
        assertThat(new Sql(dataSource).count("select count(*) from grant_request where casefile_id = ?", caseId))
                .as("nothing stored").isZero();

        GrantSummary medical = recommend(AMIRA, Roles.CASEWORKER, caseId, defenders,
                request(GrantCategory.MEDICAL, "1200.00", "EUR", 1, true));
        assertThatThrownBy(() -> recommend(AMIRA, Roles.CASEWORKER, caseId, defenders,
                request(GrantCategory.MEDICAL, "300.00", "EUR", 1, true)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.messageKeys())
                        .containsExactly("grant.rule.alreadyFunded:" + medical.reference()));
    }

    @Test
    void fourEyesHoldThroughTheBoundary() throws Exception {
        Sql sql = new Sql(dataSource);
        long solidarity = fundId("SOLIDARITY-USD");
        // R4 (1): the coordinator who recommended cannot approve.
        GrantSummary own = recommend(CLAIRE, Roles.COORDINATOR, newCase("Hazel"), solidarity,
                request(GrantCategory.LEGAL, "500.00", "USD", 1, false));
        stepUp(CLAIRE, CLAIRE_PASSWORD);
        assertThat(details(CLAIRE, Roles.COORDINATOR, own.id()).canDecide()).isFalse();
        assertThatThrownBy(() -> inSession(CLAIRE, () -> grants.decide(own.id(),
                approve("I know this case well enough"))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.messageKey())
                        .isEqualTo("grant.fourEyes.ownRecommendation"));
        assertThat(sql.count("select count(*) from audit_event where actor = ? and action = 'GRANT_DECIDED'"
                + " and outcome = 'DENIED' and detail like ?", CLAIRE, "%own-recommendation%")).isPositive();
        assertThat(sql.string("select status from grant_request where id = ?", own.id())).isEqualTo("RECOMMENDED");

        // R4 (2) and (3): above the threshold, one approval pays nothing and one person cannot approve twice.
        GrantSummary big = recommend(AMIRA, Roles.CASEWORKER, newCase("Linden"), solidarity,
                request(GrantCategory.TEMPORARY_HOUSING, "2000.00", "USD", 2, false));
        assertThat(inSession(CLAIRE, () -> grants.decide(big.id(),
                approve("Housing for two months while the threat lasts"))).status())
                .isEqualTo(GrantStatus.AWAITING_SECOND_APPROVAL);
        assertThatThrownBy(() -> inSession(CLAIRE, () -> grants.decide(big.id(),
                approve("Approving again as the second approver"))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.messageKey())
                        .isEqualTo("grant.fourEyes.sameApprover"));
        stepUp(OMAR, OMAR_PASSWORD);
        assertThatThrownBy(() -> inSession(OMAR, () -> grants.disburse(big.id(),
                new BigDecimal("1000.00"), payment(DisbursementMethod.BANK_TRANSFER, "TRF-1"))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.messageKey())
                        .isEqualTo("grant.notPayable"));
        assertThat(disbursements(big.id())).as("R4: one approval above the threshold pays nothing").isZero();

        assertThat(inSession(OMAR, () -> grants.decide(big.id(),
                approve("Second approval: checked the housing quote"))).status()).isEqualTo(GrantStatus.APPROVED);
        inSession(CLAIRE, () -> grants.disburse(big.id(), new BigDecimal("1000.00"),
                payment(DisbursementMethod.MONEY_TRANSFER_AGENT, "MTCN-1")));
        assertThatThrownBy(() -> inSession(CLAIRE, () -> grants.disburse(big.id(),
                new BigDecimal("999.00"), payment(DisbursementMethod.BANK_TRANSFER, "TRF-3"))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.messageKey())
                        .isEqualTo("grant.disbursement.lastTranche:1000.00"));
        GrantSummary done = inSession(CLAIRE, () -> grants.disburse(big.id(),
                new BigDecimal("1000.00"), payment(DisbursementMethod.MONEY_TRANSFER_AGENT, "MTCN-2")));
        assertThat(done.status()).isEqualTo(GrantStatus.DISBURSED);
        assertThat(disbursements(big.id())).isEqualTo(2);
        assertThat(details(CLAIRE, Roles.COORDINATOR, big.id()).decisions())
                .extracting(DecisionView::decidedBy).containsExactly(CLAIRE, OMAR);
    }

    /**
     * R4: one coordinator proposes to raise a fund's second-approval threshold above a grant recommended under the
     * old rules: she cannot apply her own change; once another coordinator applies it, she approves and tries to pay
     * the grant alone: it still needs two approvals, and nothing is paid. A grant that needs one approval is paid by
     * another coordinator than the approver.
     */
    @Test
    void oneCoordinatorCannotBendTheRulesToApproveAndPayAlone() throws Exception {
        String code = "R4-" + System.nanoTime() % 100_000;
        long fund = newFund(code, "10000.00", "1000.00");
        GrantSummary big = recommend(AMIRA, Roles.CASEWORKER, newCase("Rowan"), fund,
                request(GrantCategory.SECURE_TRANSPORT, "1500.00", "EUR", 1, false));
        FundService.FundForm raised = new FundService.FundForm(code, "Test fund " + code, "Test donor", "EUR",
                new BigDecimal("10000.00"), LocalDate.now(ZoneOffset.UTC).minusDays(1),
                LocalDate.now(ZoneOffset.UTC).plusYears(1), null, new BigDecimal("5000.00"), 0, false, false, true,
                30, EnumSet.allOf(GrantCategory.class));
        As.user(CLAIRE, Roles.COORDINATOR, () -> fundAdmin.save(raised));
        stepUp(CLAIRE, CLAIRE_PASSWORD);
        long change = As.user(CLAIRE, Roles.COORDINATOR, () -> fundAdmin.pendingChanges(code)).get(0).id();
        assertThatThrownBy(() -> inSession(CLAIRE, () -> {
            fundAdmin.decideChange(change, true);
            return null;
        })).as("nobody applies their own change").isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.messageKey()).isEqualTo("fund.change.ownProposal"));
        assertThat(new Sql(dataSource).string("select dual_approval_above from fund where id = ?", fund))
                .as("the threshold is unchanged until a second coordinator applies it").isEqualTo("1000.00");
        stepUp(OMAR, OMAR_PASSWORD);
        inSession(OMAR, () -> {
            fundAdmin.decideChange(change, true);
            return null;
        });
        assertThat(new Sql(dataSource).string("select dual_approval_above from fund where id = ?", fund))
                .isEqualTo("5000.00");
        assertThat(inSession(CLAIRE, () -> grants.decide(big.id(), approve("Bus and escort out"))).status())
                .as("recommended above the old threshold: still two approvals").isEqualTo(GrantStatus.AWAITING_SECOND_APPROVAL);
        assertThatThrownBy(() -> inSession(CLAIRE, () -> grants.disburse(big.id(), new BigDecimal("1500.00"),
                payment(DisbursementMethod.CASH, "R4-CASH-1")))).isInstanceOf(InvalidInput.class);
        assertThat(disbursements(big.id())).isZero();

        GrantSummary small = recommend(AMIRA, Roles.CASEWORKER, newCase("Hazel"), fund,
                request(GrantCategory.SECURE_TRANSPORT, "300.00", "EUR", 1, false));
        assertThat(inSession(CLAIRE, () -> grants.decide(small.id(), approve("Taxi to the safe house"))).status())
                .isEqualTo(GrantStatus.APPROVED);
        assertThatThrownBy(() -> inSession(CLAIRE, () -> grants.disburse(small.id(), new BigDecimal("300.00"),
                payment(DisbursementMethod.CASH, "R4-CASH-2")))).as("the sole approver does not pay")
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.messageKey())
                        .isEqualTo("grant.fourEyes.soleApproverPays"));
        assertThat(new Sql(dataSource).count("select count(*) from audit_event where actor = ? and outcome = 'DENIED'"
                + " and casefile_id = ? and detail = ?", CLAIRE, small.caseFileId(), "four-eyes sole-approver-pays"))
                .as("audited once, the grant's reference replaced").isOne();
        stepUp(OMAR, OMAR_PASSWORD);
        assertThat(inSession(OMAR, () -> grants.disburse(small.id(), new BigDecimal("300.00"),
                payment(DisbursementMethod.CASH, "R4-CASH-3"))).status()).isEqualTo(GrantStatus.DISBURSED);
        assertThat(disbursements(small.id())).isOne();
    }

    @Test
    void movingMoneyNeedsTheCoordinatorsPasswordAgain() throws Exception {
        GrantSummary grant = recommend(AMIRA, Roles.CASEWORKER, newCase("Sorrel"),
                fundId("SOLIDARITY-USD"), request(GrantCategory.COMMUNICATIONS, "150.00", "USD", 1, false));
        assertThat(details(KARIM, Roles.COORDINATOR, grant.id()).stepUpNeeded()).isTrue();
        assertThatThrownBy(() -> As.user(KARIM, Roles.COORDINATOR, () -> grants.decide(grant.id(),
                approve("Prepaid secure phone credit"))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.messageKey())
                        .isEqualTo("grant.reauth.required"));
        assertThat(As.user(KARIM, Roles.COORDINATOR, () -> reauth.reauthenticate("not-my-password".toCharArray(),
                freshCode(KARIM)))).isFalse();
        assertThat(new Sql(dataSource).count("select failed_logins from app_user where username = ?", KARIM))
                .as("a wrong password counts as a failed login").isOne();
        assertThat(As.user(KARIM, Roles.COORDINATOR, () -> reauth.reauthenticate("Demo-TeamLead-2026".toCharArray(),
                "000000"))).as("the password alone is not a step-up").isFalse();
        new Sql(dataSource).update("update app_user set failed_logins = 0 where username = ?", KARIM);
        assertThat(As.user(KARIM, Roles.COORDINATOR, () -> reauth.reauthenticate("Demo-TeamLead-2026".toCharArray(),
                freshCode(KARIM)))).isTrue();
        assertThat(As.user(KARIM, Roles.COORDINATOR, () -> grants.decide(grant.id(),
                approve("Prepaid secure phone credit"))).status()).isEqualTo(GrantStatus.APPROVED);
    }

    @Test
    void coordinatorsKeepTheFundsAndABudgetNeverDropsBelowWhatIsSpent() throws Exception {
        String code = "IT-FUND-" + System.nanoTime() % 100_000;
        FundService.FundForm form = new FundService.FundForm(code, "Test relocation fund", "Test donor", "EUR",
                new BigDecimal("500.00"), LocalDate.now(ZoneOffset.UTC).minusDays(1),
                LocalDate.now(ZoneOffset.UTC).plusMonths(6), new BigDecimal("400.00"), new BigDecimal("300.00"), 0,
                false, false, true, 45, EnumSet.of(GrantCategory.SECURE_TRANSPORT));
        assertThatThrownBy(() -> As.user(AMIRA, Roles.CASEWORKER, () -> fundAdmin.save(form)))
                .isInstanceOf(jakarta.ejb.EJBAccessException.class);
        assertThat(As.user(CLAIRE, Roles.COORDINATOR, () -> fundAdmin.save(form))).isEqualTo(code);
        long fund = fundId(code);
        GrantSummary grant = recommend(AMIRA, Roles.CASEWORKER, newCase("Elm"), fund,
                request(GrantCategory.SECURE_TRANSPORT, "250.00", "EUR", 1, false));
        stepUp(CLAIRE, CLAIRE_PASSWORD);
        inSession(CLAIRE, () -> grants.decide(grant.id(), approve("Bus out of the region")));

        FundService.FundForm smaller = new FundService.FundForm(code, form.name(), form.donor(), "EUR",
                new BigDecimal("200.00"), form.periodStart(), form.periodEnd(), form.ceilingPerGrant(),
                form.dualApprovalAbove(), 0, false, false, true, 45, form.categories());
        assertThatThrownBy(() -> As.user(CLAIRE, Roles.COORDINATOR, () -> fundAdmin.save(smaller)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.messageKey())
                        .isEqualTo("fund.budget.invalid"));
        FundService.FundForm broken = new FundService.FundForm("x", " ", null, "euro", new BigDecimal("-1"),
                form.periodEnd(), form.periodStart(), BigDecimal.ZERO, null, 101, false, false, true, -1,
                EnumSet.noneOf(GrantCategory.class));
        assertThatThrownBy(() -> As.user(CLAIRE, Roles.COORDINATOR, () -> fundAdmin.save(broken)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.messageKeys()).hasSize(11));
        assertThatThrownBy(() -> As.user(OMAR, Roles.COORDINATOR, () -> fundAdmin.save(new FundService.FundForm(code,
                form.name(), form.donor(), "USD", new BigDecimal("800.00"), form.periodStart(), form.periodEnd(),
                form.ceilingPerGrant(), form.dualApprovalAbove(), 0, false, false, true, 45, form.categories()))))
                .as("no currency change once money is committed").isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.messageKey()).isEqualTo("fund.currency.locked"));
        // A change of an existing fund is a proposal: Omar proposes, the fund keeps its values until Claire applies it.
        As.run(OMAR, Roles.COORDINATOR, () -> fundAdmin.save(new FundService.FundForm(code, form.name(),
                form.donor(), "EUR", new BigDecimal("800.00"), form.periodStart(), form.periodEnd(),
                form.ceilingPerGrant(), form.dualApprovalAbove(), 10, true, false, true, 45, form.categories())));
        Sql sql = new Sql(dataSource);
        assertThat(sql.string("select budget from fund where id = ?", fund)).isEqualTo("500.00");
        List<FundService.PendingChange> pending = As.user(CLAIRE, Roles.COORDINATOR,
                () -> fundAdmin.pendingChanges(code));
        assertThat(pending).singleElement().satisfies(c -> assertThat(c.changes())
                .contains("budget: 500.00 → 800.00", "coFundingPercent: 0 → 10", "noExileCosts: false → true"));
        inSession(CLAIRE, () -> {
            fundAdmin.decideChange(pending.get(0).id(), true);
            return null;
        });
        assertThat(sql.string("select budget from fund where id = ?", fund)).isEqualTo("800.00");
        assertThat(sql.string("select committed from fund where id = ?", fund)).isEqualTo("250.00");
        assertThat(sql.count("select count(*) from audit_event where action = 'FUND_SAVED' and detail like ?",
                "%" + code + "%")).as("created").isOne();
        assertThat(sql.count("select count(*) from audit_event where action = 'FUND_CHANGE_DECIDED' and detail like ?",
                "%applied fund=" + code + " budget=500.00/800.00%")).as("old and new values audited").isOne();
    }

    @Test
    void concurrentApprovalsNeverOverspendAFund() throws Exception {
        long fund = newFund("TEST-SMALL-" + System.nanoTime() % 100_000, "250.00", "1000.00");
        List<Long> grantIds = new ArrayList<>();
        for (String name : List.of("Aspen", "Birch", "Cedar")) {
            grantIds.add(recommend(AMIRA, Roles.CASEWORKER, newCase(name), fund,
                    request(GrantCategory.SECURE_TRANSPORT, "100.00", "EUR", 1, false)).id());
        }
        // The three approvals are concurrent requests of Claire's one browser session, where she stepped up.
        SecurityDomain domain = As.domain();
        stepUp(CLAIRE, CLAIRE_PASSWORD);
        OneSession claires = session(CLAIRE);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger approved = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (long id : grantIds) {
            threads.add(new Thread(() -> {
                try {
                    start.await();
                    claires.call(() -> As.user(domain, CLAIRE, Roles.COORDINATOR,
                            () -> grants.decide(id, approve("Transport out"))));
                    approved.incrementAndGet();
                } catch (Exception refused) {
                    // the third approval finds the fund short
                }
            }));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        Sql sql = new Sql(dataSource);
        assertThat(approved.get()).isEqualTo(2);
        assertThat(sql.string("select committed from fund where id = ?", fund)).isEqualTo("200.00");
        assertThat(sql.count("select count(*) from grant_request where fund_id = ? and status = 'APPROVED'", fund))
                .isEqualTo(2);
    }

    /**
     * R3: two coordinators, ten threads (five each), every thread tries to approve and then to pay the same grant.
     * Repeated {@code continuum.r3.runs} times (50 in the test command; {@code -Dr3.runs=500} for the long run).
     */
    @Test
    void racingApprovalsAndPaymentsPayExactlyOnce() throws Exception {
        int runs = Integer.getInteger("continuum.r3.runs", 50);
        String amount = "100.00";
        long fund = newFund("R3-" + System.nanoTime() % 1_000_000, new BigDecimal(amount)
                .multiply(BigDecimal.valueOf(runs)).toPlainString(), "1000.00");
        Sql sql = new Sql(dataSource);
        SecurityDomain domain = As.domain();
        int exactlyOnce = 0;
        AtomicInteger approvals = new AtomicInteger();
        AtomicInteger payments = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ConcurrentHashMap<String, AtomicInteger> otherFailures = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        // Each coordinator races from their browser session, where they stepped up.
        for (int run = 0; run < runs; run++) {
            if (run % 25 == 0) {
                stepUp(CLAIRE, CLAIRE_PASSWORD);
                stepUp(OMAR, OMAR_PASSWORD);
            }
            long grantId = recommend(AMIRA, Roles.CASEWORKER, newCase("Race" + run), fund,
                    request(GrantCategory.PHYSICAL_SECURITY, amount, "EUR", 1, false)).id();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 10; t++) {
                String coordinator = t % 2 == 0 ? CLAIRE : OMAR;
                threads.add(new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    OneSession session = session(coordinator);
                    attempt(() -> session.call(() -> As.user(domain, coordinator, Roles.COORDINATOR,
                            () -> grants.decide(grantId, approve("Door reinforcement")))), approvals, refused,
                            otherFailures);
                    attempt(() -> session.call(() -> As.user(domain, coordinator, Roles.COORDINATOR,
                            () -> grants.disburse(grantId, new BigDecimal(amount),
                                    payment(DisbursementMethod.BANK_TRANSFER, "TRF-" + grantId)))),
                            payments, refused, otherFailures);
                }));
            }
            threads.forEach(Thread::start);
            go.countDown();
            for (Thread t : threads) {
                t.join();
            }
            if (disbursements(grantId) == 1
                    && "DISBURSED".equals(sql.string("select status from grant_request where id = ?", grantId))) {
                exactlyOnce++;
            }
            assertThat(new BigDecimal(sql.string("select budget - committed - disbursed from fund where id = ?",
                    fund))).as("the fund is never overspent").isNotNegative();
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        long rows = sql.count("select count(*) from disbursement d join grant_request g on g.id = d.grant_id"
                + " where g.fund_id = ?", fund);
        LOG.info(String.format("R3: %d runs, %d/%d with exactly one disbursement, %d disbursement rows, "
                        + "%d approvals and %d payments succeeded, %d attempts refused cleanly, other failures %s, "
                        + "fund left %s of %s, %d s", runs, exactlyOnce, runs, rows, approvals.get(), payments.get(),
                refused.get(), otherFailures, sql.string("select budget - disbursed from fund where id = ?", fund),
                sql.string("select budget from fund where id = ?", fund), seconds));
        assertThat(exactlyOnce).isEqualTo(runs);
        assertThat(rows).isEqualTo(runs);
        assertThat(payments.get()).isEqualTo(runs);
        assertThat(approvals.get()).isEqualTo(runs);
        assertThat(sql.string("select budget - committed - disbursed from fund where id = ?", fund))
                .isEqualTo("0.00");
    }

    private static void attempt(As.ThrowingRunnable action, AtomicInteger succeeded, AtomicInteger refused,
                                ConcurrentHashMap<String, AtomicInteger> otherFailures) {
        try {
            action.run();
            succeeded.incrementAndGet();
        } catch (InvalidInput expected) {
            refused.incrementAndGet();
        } catch (Exception e) {
            otherFailures.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
        }
    }
}
