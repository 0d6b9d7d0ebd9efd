package org.continuum.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.continuum.identity.boundary.AuthenticationService;
import org.continuum.identity.boundary.AuthenticationService.Next;
import org.continuum.identity.boundary.OwnAccount;
import org.continuum.platform.control.InvalidInput;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A person changes their own password and renews their recovery codes, each after password and code. */
@ExtendWith(ArquillianExtension.class)
class OwnAccountIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(OwnAccountIT.class, Sql.class, As.class, DemoCodes.class);
    }

    @Inject
    OwnAccount ownAccount;

    @Inject
    AuthenticationService authentication;

    @Resource(lookup = "java:jboss/datasources/ContinuumDS")
    DataSource dataSource;

    @Test
    void aWrongCodeIsCountedAndTheRightOnesChangeThePasswordAndRenewTheCodes() throws Exception {
        String user = "sofia.mentor";
        Sql sql = new Sql(dataSource);
        String oldPassword = "Demo-Mentor-2026";
        String newPassword = "Patient-Cedar-Window-31";
        String publishedHash = sql.string("select password_hash from app_user where username = ?", user);
        try {
            As.run(user, "SECURITY_MENTOR", () -> {
                assertThatThrownBy(() -> ownAccount.changePassword(oldPassword.toCharArray(), "000000",
                        newPassword.toCharArray())).isInstanceOf(InvalidInput.class);
                assertThatThrownBy(() -> ownAccount.changePassword("wrong-password-x".toCharArray(),
                        DemoCodes.now(user), newPassword.toCharArray())).isInstanceOf(InvalidInput.class);
                assertThat(sql.count("select failed_logins from app_user where username = ?", user))
                        .as("both failures counted although each refusal rolled back").isEqualTo(2);
                Long last = sql.longValue("select totp_last_step from app_user where username = ?", user);
                ownAccount.changePassword(oldPassword.toCharArray(), DemoCodes.after(DemoCodes.secretOf(user), last),
                        newPassword.toCharArray());
                last = sql.longValue("select totp_last_step from app_user where username = ?", user);
                List<String> codes = ownAccount.renewRecoveryCodes(newPassword.toCharArray(),
                        DemoCodes.after(DemoCodes.secretOf(user), last));
                assertThat(codes).hasSize(10);
                assertThat(ownAccount.recoveryCodesLeft()).isEqualTo(10);
            });
            assertThat(authentication.password(user, oldPassword.toCharArray(), "198.51.100.202").next())
                    .isEqualTo(Next.REFUSED);
            assertThat(authentication.password(user, newPassword.toCharArray(), "198.51.100.202").next())
                    .isEqualTo(Next.CODE);
            assertThat(sql.count("select count(*) from audit_event where actor = ? and action = 'PASSWORD_CHANGED'",
                    user)).isOne();
        } finally {
            // The browser journeys log in as sofia with her published password: put it back (test housekeeping).
            sql.update("update app_user set password_hash = ?, failed_logins = 0, locked_until = null"
                    + " where username = ?", publishedHash, user);
        }
    }
}
