package org.continuum.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.continuum.platform.control.DemoMode;
import org.continuum.seed.control.SeedLoader;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
        return Deployments.withTests(DemoSafetyIT.class, Sql.class);
    }

    @Inject
    SeedLoader seeds;

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
    void demoModeRefusesADatabaseWithRealAccounts() {
        Sql sql = new Sql(dataSource);
        sql.update("update app_user set demo_account = false where username = 'nadia.auditor'");
        try {
            assertThatThrownBy(seeds::refuseUnsafeAccounts).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("that are not demo accounts: ").hasMessageContaining("nadia.auditor");
        } finally {
            sql.update("update app_user set demo_account = true where username = 'nadia.auditor'");
        }
    }
}
