package org.continuum.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.continuum.administration.boundary.AccountAdministration;
import org.continuum.identity.boundary.AuthenticationService.Next;
import org.continuum.identity.boundary.AuthenticationService.PasswordStep;
import org.continuum.identity.boundary.AuthenticationService;
import org.continuum.identity.control.LoginThrottle;
import org.continuum.identity.control.SecondFactor;
import org.continuum.platform.control.InvalidInput;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Credentials in two steps (password, then a second-factor code), lockout and their audit trail, against the real
 * hashes, secrets and database. Demo accounts carry the public secrets of {@code seeds/demo/users.csv}.
 */
@ExtendWith(ArquillianExtension.class)
class LoginIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(LoginIT.class, Sql.class, DemoCodes.class, As.class);
    }

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    /** A client address of its own per test (TEST-NET-2), so the address throttle of one test never slows another. */
    private final String ADDRESS = "198.51.100." + CLIENTS.incrementAndGet();

    @Inject
    AuthenticationService authentication;

    @Inject
    AccountAdministration administration;

    @Resource(lookup = "java:jboss/datasources/ContinuumDS")
    DataSource dataSource;

    private Long lastStep(String username) {
        return new Sql(dataSource).longValue("select totp_last_step from app_user where username = ?", username);
    }

    private String nextCode(String username) {
        return DemoCodes.after(DemoCodes.secretOf(username), lastStep(username));
    }

    @Test
    void aPasswordAloneLogsNobodyInTheCodeDoesAndIsAcceptedOnce() {
        String user = "claire.coordinator";
        PasswordStep step = authentication.password(user, "Demo-Coordinator-1".toCharArray(), ADDRESS);
        assertThat(step.next()).isEqualTo(Next.CODE);
        assertThat(step.ticket()).hasSizeGreaterThan(40);
        assertThat(authentication.code(user, "not-the-ticket", nextCode(user), ADDRESS)).as("forged ticket").isEmpty();
        String code = nextCode(user);
        var loggedIn = authentication.code(user, step.ticket(), code, ADDRESS);
        assertThat(loggedIn).isPresent();
        assertThat(loggedIn.get().groups()).containsExactly("COORDINATOR");
        assertThat(authentication.code(user, step.ticket(), code, ADDRESS)).as("the ticket is spent").isEmpty();

        PasswordStep again = authentication.password(user, "Demo-Coordinator-1".toCharArray(), ADDRESS);
        assertThat(authentication.code(user, again.ticket(), code, ADDRESS)).as("the same code replayed").isEmpty();
        assertThat(authentication.code(user, again.ticket(), nextCode(user), ADDRESS)).as("a fresh code").isPresent();
        Sql sql = new Sql(dataSource);
        assertThat(sql.count("select count(*) from audit_event where actor = ? and action = 'LOGIN_SUCCEEDED'", user))
                .isGreaterThanOrEqualTo(2);
        assertThat(sql.count("select count(*) from audit_event where actor = ? and detail like 'bad-code%'", user))
                .as("the replay counted as a failure").isOne();
        sql.update("update app_user set failed_logins = 0, locked_until = null where username = ?", user);
    }

    @Test
    void fiveWrongCodesOrPasswordsLockTheAccountEvenForTheRightOnes() {
        String user = "omar.coordinator";
        Sql sql = new Sql(dataSource);
        try {
            for (int i = 0; i < 2; i++) {
                assertThat(authentication.password(user, ("wrong-password-" + i).toCharArray(), ADDRESS).next())
                        .isEqualTo(Next.REFUSED);
            }
            PasswordStep step = authentication.password(user, "Demo-Coordinator-2".toCharArray(), ADDRESS);
            for (int i = 0; i < 3; i++) {
                assertThat(authentication.code(user, step.ticket(), "00000" + i, ADDRESS)).isEmpty();
            }
            // From another address, so that the address throttle (tested below) does not hide the account's lockout.
            String elsewhere = "198.51.100.240";
            assertThat(authentication.password(user, "Demo-Coordinator-2".toCharArray(), elsewhere).next())
                    .as("locked out after 2 wrong passwords and 3 wrong codes").isEqualTo(Next.REFUSED);
            assertThat(authentication.code(user, step.ticket(), nextCode(user), elsewhere))
                    .as("locked: no code helps").isEmpty();
        } finally {
            // The other test classes share this server and need omar within the 15 minutes the lock lasts.
            sql.update("update app_user set failed_logins = 0, locked_until = null where username = ?", user);
        }
        assertThat(sql.count("select count(*) from audit_event where actor = ? and action = 'LOGIN_LOCKED_OUT'", user))
                .isOne();
        assertThat(sql.count("select count(*) from audit_event where actor = ? and action = 'LOGIN_FAILED'"
                + " and detail = 'locked'", user)).isOne();
        assertThat(sql.count("select count(*) from audit_event where detail like '%wrong-password%'"
                + " or actor like '%wrong%' or detail like '%00000%'")).as("no typed secret in the trail").isZero();
    }

    @Test
    void unknownUserFailsWithoutRevealingIt() {
        assertThat(authentication.password("nobody.here", "Whatever-1234".toCharArray(), ADDRESS).next())
                .isEqualTo(Next.REFUSED);
        assertThat(authentication.password("Robert'); DROP TABLE app_user;--", "x".toCharArray(), ADDRESS).next())
                .isEqualTo(Next.REFUSED);
        Sql sql = new Sql(dataSource);
        assertThat(sql.count("select count(*) from audit_event where actor = 'nobody.here' and detail = 'unknown-user'"))
                .isOne();
        assertThat(sql.count("select count(*) from audit_event where actor = 'invalid-username'")).isPositive();
        assertThat(sql.count("select count(*) from app_user")).isPositive();
    }

    /**
     * A first login enrols: a secret, confirmed by a valid code, then ten recovery codes, each usable once instead of
     * a code. The account is a new one, made by the administrator, as a new colleague's would be.
     */
    @Test
    void enrolmentConfirmsTheSecretAndRecoveryCodesWorkOnceEach() throws Exception {
        String user = "test.enrol" + System.nanoTime() % 100_000;
        String password = "Amber-Lighthouse-Fern-26";
        Sql sql = new Sql(dataSource);
        As.run("admin", "ADMIN", () -> administration.create(new AccountAdministration.NewAccount(user, "Enrolling",
                null, java.util.EnumSet.of(org.continuum.identity.entity.Role.AUDITOR), null, "en",
                password.toCharArray())));
        PasswordStep step = authentication.password(user, password.toCharArray(), ADDRESS);
        assertThat(step.next()).isEqualTo(Next.ENROL);
        assertThat(authentication.code(user, step.ticket(), "123456", ADDRESS)).as("no login before enrolment").isEmpty();
        var enrolment = authentication.startEnrolment(user, step.ticket());
        assertThat(enrolment.provisioningUri()).startsWith("otpauth://totp/Continuum%3A" + user + "?secret=");
        assertThat(sql.count("select count(*) from app_user where username = ? and totp_secret_enc like ?",
                user, "%" + enrolment.secret() + "%")).as("the secret is sealed, not in clear").isZero();
        assertThatThrownBy(() -> authentication.confirmEnrolment(user, step.ticket(), "000000"))
                .isInstanceOf(InvalidInput.class);
        assertThat(sql.count("select count(*) from audit_event where actor = ? and detail like 'bad-enrolment-code%'",
                user)).as("a wrong enrolment code is counted although the refusal rolls back").isOne();
        List<String> recovery = authentication.confirmEnrolment(user, step.ticket(),
                new SecondFactor().code(enrolment.secret(), Instant.now()));
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z2-7]{5}-[a-z2-7]{5}"));
        assertThat(sql.count("select count(*) from recovery_code r join app_user u on u.id = r.user_id"
                + " where u.username = ? and r.used_at is null", user)).isEqualTo(10);

        assertThat(authentication.code(user, step.ticket(), recovery.get(0).toUpperCase(), ADDRESS)).as("recovery code")
                .isPresent();
        PasswordStep again = authentication.password(user, password.toCharArray(), ADDRESS);
        assertThat(again.next()).isEqualTo(Next.CODE);
        assertThat(authentication.code(user, again.ticket(), recovery.get(0), ADDRESS)).as("spent recovery code").isEmpty();
        assertThat(authentication.code(user, again.ticket(),
                DemoCodes.after(enrolment.secret(), lastStep(user)), ADDRESS)).isPresent();
        assertThat(sql.count("select count(*) from audit_event where actor = ? and action = 'SECOND_FACTOR_ENROLLED'",
                user)).isOne();
        assertThat(sql.count("select count(*) from audit_event where actor = ? and action = 'RECOVERY_CODE_USED'",
                user)).isOne();
        sql.update("update app_user set failed_logins = 0, locked_until = null where username = ?", user);
    }

    /** S4: fifty wrong passwords at once, from one address, on one account: every one is counted, none is lost. */
    @Test
    void fiftyConcurrentWrongPasswordsAreAllCounted() throws Exception {
        String user = "nadia.auditor";
        String address = "198.51.100.250";
        Sql sql = new Sql(dataSource);
        int attempts = 50;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Next>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                char[] guess = ("wrong-guess-" + i).toCharArray();
                answers.add(pool.submit(() -> {
                    start.await();
                    return authentication.password(user, guess, address).next();
                }));
            }
            start.countDown();
            List<Next> results = new ArrayList<>();
            for (Future<Next> answer : answers) {
                results.add(answer.get(120, TimeUnit.SECONDS));
            }
            assertThat(results).as("nobody got in").allMatch(n -> n == Next.REFUSED || n == Next.THROTTLED);
            long throttled = results.stream().filter(n -> n == Next.THROTTLED).count();
            assertThat(throttle.failuresOf(address)).as("every checked attempt counted for the address")
                    .isEqualTo(attempts - throttled);
            assertThat(sql.count("select count(*) from audit_event where actor = ? and action = 'LOGIN_FAILED'"
                    + " and occurred_at > ?", user, java.sql.Timestamp.from(before))).as("every attempt audited")
                    .isEqualTo(attempts);
            assertThat(sql.count("select count(*) from audit_event where actor = ? and detail like 'bad-password%'"
                    + " and occurred_at > ?", user, java.sql.Timestamp.from(before)))
                    .as("the account counted exactly up to its lockout").isEqualTo(5);
            assertThat(sql.count("select count(*) from audit_event where actor = ? and action = 'LOGIN_LOCKED_OUT'"
                    + " and occurred_at > ?", user, java.sql.Timestamp.from(before))).isOne();
            java.util.logging.Logger.getLogger(LoginIT.class.getName()).info(String.format(
                    "S4 throttle: %d concurrent wrong passwords, %d checked and counted, %d throttled, 0 accepted",
                    attempts, attempts - throttled, throttled));
        } finally {
            pool.shutdownNow();
            sql.update("update app_user set failed_logins = 0, locked_until = null where username = ?", user);
        }
    }

    private final Instant before = Instant.now().minusSeconds(1);

    @Inject
    LoginThrottle throttle;
}
