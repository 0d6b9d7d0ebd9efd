package org.continuum.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.continuum.administration.boundary.AccountAdministration.NewAccount;
import org.continuum.administration.boundary.AccountAdministration;
import org.continuum.identity.entity.Role;
import org.continuum.platform.control.DemoMode;
import org.continuum.platform.control.Roles;
import org.continuum.seed.control.SeedLoader;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.EnumSet;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Demo and production never mix: the start-up check that stops the server, run against this server's real accounts
 * with the demo switch turned off (as a production start would have it) and on.
 */
@ExtendWith(ArquillianExtension.class)
class DemoSafetyIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(DemoSafetyIT.class, Sql.class, As.class);
    }

    @Inject
    SeedLoader seeds;

    @Inject
    AccountAdministration administration;

    @Resource(lookup = "java:jboss/datasources/ContinuumDS")
    DataSource dataSource;

    @Test
    void aProductionStartRefusesDemoAccountsThatCanStillLogIn() {
        assertThat(DemoMode.on()).as("the test server runs the demo").isTrue();
        System.setProperty(DemoMode.PROPERTY, "false");
        try {
            assertThatThrownBy(seeds::refuseUnsafeAccounts).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Refusing to start").hasMessageContaining("amira.caseworker")
                    .hasMessageContaining("admin").hasMessageNotContaining("Demo-Caseworker-1");
        } finally {
            System.setProperty(DemoMode.PROPERTY, "true");
        }
        assertThat(new Sql(dataSource).count("select count(*) from audit_event where action = 'DEMO_ACCOUNTS_REFUSED'"
                + " and detail like 'demo-accounts-without-demo-mode=%'")).isPositive();
    }

    @Test
    void demoModeRefusesADatabaseWithRealAccounts() throws Exception {
        Sql sql = new Sql(dataSource);
        String real = "test.real" + System.nanoTime() % 100_000;
        As.run("admin", Roles.ADMIN, () -> administration.create(new NewAccount(real, "Real Person", null,
                EnumSet.of(Role.AUDITOR), null, "en", "Granite-Valley-Owl-73".toCharArray())));
        assertThat(sql.count("select count(*) from app_user where username = ? and demo_account = true", real))
                .as("an account made on a demo server is a demo account").isOne();
        seeds.refuseUnsafeAccounts();
        // As if the database came from a production server: the account is not a demo account.
        sql.update("update app_user set demo_account = false where username = ?", real);
        try {
            assertThatThrownBy(seeds::refuseUnsafeAccounts).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("that are not demo accounts: ").hasMessageContaining(real);
        } finally {
            sql.update("update app_user set demo_account = true where username = ?", real);
        }
    }
}
