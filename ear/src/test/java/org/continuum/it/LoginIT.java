package org.continuum.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.continuum.identity.boundary.AuthenticationService;
import org.continuum.identity.boundary.AuthenticationService.Next;
import org.continuum.identity.boundary.AuthenticationService.PasswordStep;
import org.continuum.identity.control.SecondFactor;
import org.continuum.platform.control.InvalidInput;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;

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
        return Deployments.withTests(LoginIT.class, Sql.class, DemoCodes.class);
    }

    @Inject
    AuthenticationService authentication;

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
        PasswordStep step = authentication.password(user, "Demo-Coordinator-1".toCharArray());
        assertThat(step.next()).isEqualTo(Next.CODE);
        assertThat(step.ticket()).hasSizeGreaterThan(40);
        assertThat(authentication.code(user, "not-the-ticket", nextCode(user))).as("forged ticket").isEmpty();
        String code = nextCode(user);
        var loggedIn = authentication.code(user, step.ticket(), code);
        assertThat(loggedIn).isPresent();
        assertThat(loggedIn.get().groups()).containsExactly("COORDINATOR");
        assertThat(authentication.code(user, step.ticket(), code)).as("the ticket is spent").isEmpty();

        PasswordStep again = authentication.password(user, "Demo-Coordinator-1".toCharArray());
        assertThat(authentication.code(user, again.ticket(), code)).as("the same code replayed").isEmpty();
        assertThat(authentication.code(user, again.ticket(), nextCode(user))).as("a fresh code").isPresent();
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
                assertThat(authentication.password(user, ("wrong-password-" + i).toCharArray()).next())
                        .isEqualTo(Next.REFUSED);
            }
            PasswordStep step = authentication.password(user, "Demo-Coordinator-2".toCharArray());
            for (int i = 0; i < 3; i++) {
                assertThat(authentication.code(user, step.ticket(), "00000" + i)).isEmpty();
            }
            assertThat(authentication.password(user, "Demo-Coordinator-2".toCharArray()).next())
                    .as("locked out after 2 wrong passwords and 3 wrong codes").isEqualTo(Next.REFUSED);
            assertThat(authentication.code(user, step.ticket(), nextCode(user))).as("locked: no code helps")
                    .isEmpty();
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
        assertThat(authentication.password("nobody.here", "Whatever-1234".toCharArray()).next())
                .isEqualTo(Next.REFUSED);
        assertThat(authentication.password("Robert'); DROP TABLE app_user;--", "x".toCharArray()).next())
                .isEqualTo(Next.REFUSED);
        Sql sql = new Sql(dataSource);
        assertThat(sql.count("select count(*) from audit_event where actor = 'nobody.here' and detail = 'unknown-user'"))
                .isOne();
        assertThat(sql.count("select count(*) from audit_event where actor = 'invalid-username'")).isPositive();
        assertThat(sql.count("select count(*) from app_user")).isPositive();
    }

    /**
     * A first login enrols: a secret, confirmed by a valid code, then ten recovery codes, each usable once instead of
     * a code. The account used is reset to "never enrolled" first, as an administrator's reset would leave it.
     */
    @Test
    void enrolmentConfirmsTheSecretAndRecoveryCodesWorkOnceEach() {
        String user = "karim.lead";
        Sql sql = new Sql(dataSource);
        sql.update("update app_user set totp_secret_enc = null, totp_enrolled_at = null, totp_last_step = null"
                + " where username = ?", user);
        PasswordStep step = authentication.password(user, "Demo-TeamLead-2026".toCharArray());
        assertThat(step.next()).isEqualTo(Next.ENROL);
        assertThat(authentication.code(user, step.ticket(), "123456")).as("no login before enrolment").isEmpty();
        var enrolment = authentication.startEnrolment(user, step.ticket());
        assertThat(enrolment.provisioningUri()).startsWith("otpauth://totp/Continuum%3Akarim.lead?secret=");
        assertThat(sql.count("select count(*) from app_user where username = ? and totp_secret_enc like ?",
                user, "%" + enrolment.secret() + "%")).as("the secret is sealed, not in clear").isZero();
        assertThatThrownBy(() -> authentication.confirmEnrolment(user, step.ticket(), "000000"))
                .isInstanceOf(InvalidInput.class);
        List<String> recovery = authentication.confirmEnrolment(user, step.ticket(),
                new SecondFactor().code(enrolment.secret(), Instant.now()));
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z2-7]{5}-[a-z2-7]{5}"));
        assertThat(sql.count("select count(*) from recovery_code r join app_user u on u.id = r.user_id"
                + " where u.username = ? and r.used_at is null", user)).isEqualTo(10);

        assertThat(authentication.code(user, step.ticket(), recovery.get(0).toUpperCase())).as("recovery code")
                .isPresent();
        PasswordStep again = authentication.password(user, "Demo-TeamLead-2026".toCharArray());
        assertThat(again.next()).isEqualTo(Next.CODE);
        assertThat(authentication.code(user, again.ticket(), recovery.get(0))).as("spent recovery code").isEmpty();
        assertThat(authentication.code(user, again.ticket(),
                DemoCodes.after(enrolment.secret(), lastStep(user)))).isPresent();
        assertThat(sql.count("select count(*) from audit_event where actor = ? and action = 'SECOND_FACTOR_ENROLLED'",
                user)).isOne();
        assertThat(sql.count("select count(*) from audit_event where actor = ? and action = 'RECOVERY_CODE_USED'",
                user)).isOne();
        sql.update("update app_user set failed_logins = 0, locked_until = null where username = ?", user);
    }
}
