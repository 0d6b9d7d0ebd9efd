package org.continuum.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.continuum.administration.boundary.FirstAdministrator;
import org.continuum.identity.boundary.AuthenticationService;
import org.continuum.identity.boundary.AuthenticationService.Next;
import org.continuum.platform.control.DemoMode;
import org.continuum.platform.control.InvalidInput;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The first administrator of an installation, created through the one-time link: only without demo data and without
 * an active administrator, only once, only with a policy password, and the new administrator enrols a second factor
 * at the first login. The test server's administrators are set aside (disabled) for the test and restored after it.
 */
@ExtendWith(ArquillianExtension.class)
class FirstAdministratorIT {

    /** The client address these logins come from (TEST-NET-2). */
    private static final String CLIENT = "198.51.100.201";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(FirstAdministratorIT.class, Sql.class, As.class);
    }

    @Inject
    FirstAdministrator firstAdministrator;

    @Inject
    AuthenticationService authentication;

    @Resource(lookup = "java:jboss/datasources/ContinuumDS")
    DataSource dataSource;

    private static final String ADMINS = "(select user_id from app_user_role where role = 'ADMIN')";

    /** As the server asks at start (the only caller allowed). */
    private Optional<String> issue() {
        try {
            return As.user("system", "SYSTEM", firstAdministrator::issueIfNeeded);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anyoneElseAskingForALinkIsRefused() {
        assertThatThrownBy(() -> As.user("admin", "ADMIN", firstAdministrator::issueIfNeeded))
                .isInstanceOf(jakarta.ejb.EJBAccessException.class);
    }

    @Test
    void theOneTimeLinkCreatesTheFirstAdministratorOnceAndOnlyWithoutAnyOther() {
        assertThat(issue()).as("demo server: no link").isEmpty();
        Sql sql = new Sql(dataSource);
        String founder = "test.founder" + System.nanoTime() % 100_000;
        System.setProperty(DemoMode.PROPERTY, "false");
        try {
            assertThat(issue()).as("an administrator exists: no link").isEmpty();
            sql.update("update app_user set enabled = false where id in " + ADMINS);
            Optional<String> token = issue();
            assertThat(token).isPresent();
            assertThatThrownBy(() -> firstAdministrator.create("forged-token", founder, "Founder", null,
                    "Clear-Mountain-Spring-8".toCharArray())).isInstanceOf(InvalidInput.class);
            assertThatThrownBy(() -> firstAdministrator.create(token.get(), founder, "Founder", null,
                    "short".toCharArray())).isInstanceOf(InvalidInput.class);
            assertThat(firstAdministrator.create(token.get(), founder, "Founder", null,
                    "Clear-Mountain-Spring-8".toCharArray())).isEqualTo(founder);
            assertThatThrownBy(() -> firstAdministrator.create(token.get(), founder + "x", "Second", null,
                    "Clear-Mountain-Spring-8".toCharArray())).as("the link works once")
                    .isInstanceOf(InvalidInput.class);
            assertThat(issue()).as("now an administrator exists").isEmpty();
            assertThat(authentication.password(founder, "Clear-Mountain-Spring-8".toCharArray(), CLIENT).next())
                    .as("the first login enrols the second factor").isEqualTo(Next.ENROL);
        } finally {
            System.setProperty(DemoMode.PROPERTY, "true");
            sql.update("update app_user set enabled = true where id in " + ADMINS + " and username not like 'test.%'");
            sql.update("update app_user set enabled = false where username = ?", founder);
        }
        assertThat(sql.count("select count(*) from audit_event where actor = 'bootstrap' and detail = ?",
                "account=" + founder + " roles=ADMIN first-administrator")).isOne();
        assertThat(sql.count("select count(*) from bootstrap_token where used_at is not null")).isPositive();
        assertThat(sql.count("select count(*) from audit_event where detail like '%Clear-Mountain%'")).isZero();
    }
}
