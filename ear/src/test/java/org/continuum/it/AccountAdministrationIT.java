package org.continuum.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import org.continuum.administration.boundary.AccountAdministration;
import org.continuum.administration.boundary.AccountAdministration.NewAccount;
import org.continuum.casefile.boundary.CaseFileService;
import org.continuum.identity.boundary.AuthenticationService;
import org.continuum.identity.boundary.AuthenticationService.Next;
import org.continuum.identity.boundary.ReauthenticationService;
import org.continuum.identity.entity.Role;
import org.continuum.platform.control.InvalidInput;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Administration of accounts and teams against the real database, roles and audit trail. */
@ExtendWith(ArquillianExtension.class)
class AccountAdministrationIT {

    /** The client address these logins come from (TEST-NET-2). */
    private static final String CLIENT = "198.51.100.201";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(AccountAdministrationIT.class, Sql.class, As.class, DemoCodes.class);
    }

    @Inject
    AccountAdministration administration;

    @Inject
    AuthenticationService authentication;

    @Inject
    CaseFileService cases;

    @Inject
    ReauthenticationService reauthentication;

    @Resource(lookup = "java:jboss/datasources/ContinuumDS")
    DataSource dataSource;

    private static NewAccount caseworker(String username, String password) {
        return new NewAccount(username, "Test Person", username + "@continuum.test", EnumSet.of(Role.CASEWORKER),
                "EUR-EAST", "en", password.toCharArray());
    }

    @Test
    void onlyAdministratorsAdministerAccounts() {
        assertThatThrownBy(() -> As.run("claire.coordinator", "COORDINATOR", administration::accounts))
                .isInstanceOf(EJBAccessException.class);
    }

    @Test
    void aDisabledAccountIsRefusedAtItsNextCallAndServedAgainOnceEnabled() throws Exception {
        String username = "test.gone" + System.nanoTime() % 100_000;
        As.run("admin", "ADMIN", () -> administration.create(caseworker(username, "Quiet-River-Stone-42")));
        assertThat(As.user(username, "CASEWORKER", cases::dashboard)).as("served while enabled").isNotNull();

        As.run("admin", "ADMIN", () -> administration.disable(username, "Left the organisation"));
        assertThatThrownBy(() -> As.user(username, "CASEWORKER", cases::dashboard))
                .as("an open session's next call, in its own transaction, reads the account again")
                .satisfies(e -> assertThat(causes(e)).anySatisfy(c -> assertThat(c)
                        .isInstanceOf(SecurityException.class).hasMessageContaining("no active account")));
        assertThat(authentication.sessionMayContinue(username)).isFalse();

        As.run("admin", "ADMIN", () -> administration.enable(username));
        assertThat(As.user(username, "CASEWORKER", cases::dashboard)).isNotNull();
        assertThatThrownBy(() -> As.user("nobody.here", "CASEWORKER", cases::dashboard))
                .as("a principal without an account").satisfies(e -> assertThat(causes(e))
                        .anySatisfy(c -> assertThat(c).isInstanceOf(SecurityException.class)));
        assertThat(authentication.sessionMayContinue("nobody.here")).isFalse();
    }

    private static java.util.List<Throwable> causes(Throwable e) {
        java.util.List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    @Test
    void anAccountIsCreatedWithAPolicyPasswordChangedDisabledAndEnabledEachAudited() throws Exception {
        String username = "test.admin" + System.nanoTime() % 100_000;
        Sql sql = new Sql(dataSource);
        As.run("admin", "ADMIN", () -> {
            assertThatThrownBy(() -> administration.create(caseworker(username, "short-one")))
                    .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).messageKeys())
                    .asList().contains("password.tooShort");
            assertThatThrownBy(() -> administration.create(caseworker(username, "Password1234!")))
                    .extracting(e -> ((InvalidInput) e).messageKeys()).asList().contains("password.common");
            assertThatThrownBy(() -> administration.create(caseworker(username, username + "-Secret-99")))
                    .extracting(e -> ((InvalidInput) e).messageKeys()).asList()
                    .contains("password.containsUsername");
            assertThatThrownBy(() -> administration.create(new NewAccount(username, "X", null,
                    EnumSet.of(Role.CASEWORKER), null, "en", "Quiet-River-Stone-42".toCharArray())))
                    .isInstanceOf(InvalidInput.class);
            administration.create(caseworker(username, "Quiet-River-Stone-42"));
            assertThatThrownBy(() -> administration.create(caseworker(username, "Quiet-River-Stone-42")))
                    .extracting(e -> ((InvalidInput) e).messageKeys()).asList().contains("account.username.taken");

            administration.change(username, EnumSet.of(Role.CASEWORKER, Role.SECURITY_MENTOR), "MENA", null);
            assertThat(administration.account(username).roles()).containsExactlyInAnyOrder(Role.CASEWORKER,
                    Role.SECURITY_MENTOR);
            assertThat(administration.account(username).teamCode()).isEqualTo("MENA");
            assertThatThrownBy(() -> administration.change("admin", EnumSet.of(Role.AUDITOR), null, null))
                    .extracting(e -> ((InvalidInput) e).messageKeys()).asList().contains("account.ownAdminRole");

            assertThat(authentication.password(username, "Quiet-River-Stone-42".toCharArray(), CLIENT).next())
                    .as("a new account enrols first").isEqualTo(Next.ENROL);
            assertThatThrownBy(() -> administration.disable(username, "short")).isInstanceOf(InvalidInput.class);
            administration.disable(username, "Left the organisation");
            assertThat(authentication.password(username, "Quiet-River-Stone-42".toCharArray(), CLIENT).next())
                    .as("disabled").isEqualTo(Next.REFUSED);
            assertThat(authentication.sessionMayContinue(username)).as("open sessions are cut").isFalse();
            administration.enable(username);
            assertThat(authentication.sessionMayContinue(username)).isTrue();
            administration.resetPassword(username, "Another-Long-Phrase-7".toCharArray());
            assertThat(authentication.password(username, "Quiet-River-Stone-42".toCharArray(), CLIENT).next())
                    .isEqualTo(Next.REFUSED);
            assertThat(authentication.password(username, "Another-Long-Phrase-7".toCharArray(), CLIENT).next())
                    .as("a password reset never skips the second factor step").isNotEqualTo(Next.REFUSED)
                    .isIn(Next.CODE, Next.ENROL);
        });
        String audited = "select count(*) from audit_event where actor = 'admin' and detail like ?";
        assertThat(sql.count(audited, "account=" + username + " roles=CASEWORKER team=EUR-EAST")).isOne();
        assertThat(sql.count(audited, "account=" + username
                + " roles=CASEWORKER team=EUR-EAST to roles=CASEWORKER,SECURITY_MENTOR team=MENA")).isOne();
        assertThat(sql.count(audited, "account=" + username + " reason-given")).isOne();
        assertThat(sql.count("select count(*) from audit_event where action = 'PASSWORD_RESET' and detail = ?",
                "account=" + username)).isOne();
        assertThat(sql.count("select count(*) from audit_event where detail like '%Quiet-River%'"
                + " or detail like '%Another-Long%'")).as("no password in the trail").isZero();
    }

    @Test
    void aSecondFactorResetNeedsTheAdministratorsStepUpAndAReason() throws Exception {
        String username = "test.reset" + System.nanoTime() % 100_000;
        As.run("admin", "ADMIN", () -> {
            administration.create(caseworker(username, "Silver-Meadow-Kite-11"));
            assertThatThrownBy(() -> administration.resetSecondFactor(username, "Lost phone and codes"))
                    .extracting(e -> ((InvalidInput) e).messageKeys()).asList().contains("account.reauth.required");
            assertThat(reauthentication.reauthenticate("Demo-Admin-2026!".toCharArray(),
                    DemoCodes.nextCode(dataSource, "admin"))).isTrue();
            assertThatThrownBy(() -> administration.resetSecondFactor(username, "lost"))
                    .extracting(e -> ((InvalidInput) e).messageKeys()).asList().contains("account.reason.required");
            administration.resetSecondFactor(username, "Lost phone and codes");
            assertThat(administration.account(username).enrolled()).isFalse();
        });
        assertThat(new Sql(dataSource).count("select count(*) from notification where recipient = ?"
                + " and kind = 'SECOND_FACTOR_RESET'", username)).as("the person is told by mail").isOne();
        assertThat(new Sql(dataSource).count("select count(*) from audit_event where action = 'SECOND_FACTOR_RESET'"
                + " and actor = 'admin' and detail = ?", "account=" + username + " reason-given step-up"))
                .isOne();
    }

    @Test
    void teamsAreCreatedRenamedAndRetiredButNotWhileTheyHaveOpenCaseFiles() throws Exception {
        String code = "T" + System.nanoTime() % 100_000;
        As.run("admin", "ADMIN", () -> {
            administration.createTeam(code, "Test desk");
            assertThatThrownBy(() -> administration.createTeam(code, "Again"))
                    .extracting(e -> ((InvalidInput) e).messageKeys()).asList().contains("team.code.taken");
            administration.renameTeam(code, "Test desk, renamed");
            assertThat(administration.teams()).anyMatch(t -> t.code().equals(code)
                    && t.name().equals("Test desk, renamed") && t.openCaseFiles() == 0);
            assertThatThrownBy(() -> administration.retireTeam("MENA"))
                    .extracting(e -> ((InvalidInput) e).messageKeys()).asList().contains("team.hasOpenCases");
            administration.retireTeam(code);
            assertThatThrownBy(() -> administration.create(new NewAccount("test.retired" + code.toLowerCase(),
                    "X", null, EnumSet.of(Role.CASEWORKER), code, "en", "Golden-Field-Ember-5".toCharArray())))
                    .extracting(e -> ((InvalidInput) e).messageKeys()).asList().contains("account.team.retired");
        });
        assertThat(new Sql(dataSource).count("select count(*) from audit_event where action in"
                + " ('TEAM_CREATED', 'TEAM_RENAMED', 'TEAM_RETIRED') and detail like ?", "team=" + code + "%"))
                .isEqualTo(3);
    }
}
