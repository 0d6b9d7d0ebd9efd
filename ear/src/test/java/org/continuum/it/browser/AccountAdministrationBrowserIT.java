package org.continuum.it.browser;

import org.continuum.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;
import static org.continuum.it.browser.Steps.step;

/**
 * An administrator creates a caseworker, who enrols a second factor at the first login and works; then the
 * administrator disables the account and the caseworker's open session ends at its very next request.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountAdministrationBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.asBuilt();
    }

    @Test
    void anAdministratorCreatesACaseworkerWhoEnrolsAndIsCutOffWhenDisabled() throws Exception {
        String username = "test.newcomer" + System.nanoTime() % 100_000;
        String password = "Bright-Harbour-Lantern-" + System.nanoTime() % 1000;
        try (Browser admin = new Browser(); Browser newcomer = new Browser()) {
            step(admin, "accounts-create", () -> {
                new LoginPage(admin).logIn("admin", "Demo-Admin-2026!");
                admin.open("app/accounts.xhtml");
                admin.type("newAccount:username", username);
                admin.type("newAccount:displayName", "Yara Haddad");
                admin.type("newAccount:email", username + "@continuum.test");
                admin.clickable(By.cssSelector("label[for='newAccount:roles:0']")).click();
                admin.choose("newAccount:team", "MENA · Middle East and North Africa desk");
                admin.type("newAccount:password", "password1234");
                admin.clickable(By.id("newAccount:create")).click();
                admin.textPresent(By.id("messages"), "too common");
                admin.type("newAccount:password", password);
                admin.clickable(By.id("newAccount:create")).click();
                admin.textPresent(By.id("messages"), "The account was created.");
                assertThat(admin.visible(By.id("accounts")).getText()).contains(username)
                        .contains("second factor not set up yet");
                admin.screenshot("accounts-created");
                return null;
            });

            step(newcomer, "accounts-first-login", () -> {
                newcomer.open("app/tasks.xhtml");
                LoginPage login = new LoginPage(newcomer);
                login.password(username, password);
                login.codeAfter(login.enrol());
                newcomer.urlContains("/app/dashboard.xhtml");
                newcomer.open("app/cases.xhtml");
                newcomer.visible(By.id("cases"));
                return null;
            });

            step(admin, "accounts-disable", () -> {
                admin.open("app/account.xhtml?u=" + username);
                assertThat(admin.visible(By.id("state")).getText()).contains("Active").contains("second factor set up");
                admin.type("access:reason", "Left the organisation today");
                admin.clickable(By.id("access:disable")).click();
                admin.textPresent(By.id("messages"), "The account is disabled");
                return null;
            });

            step(newcomer, "accounts-cut", () -> {
                newcomer.open("app/cases.xhtml");
                newcomer.urlContains("login.xhtml");
                assertThat(newcomer.visible(By.id("sessionEnded")).getText()).contains("disabled");
                newcomer.screenshot("accounts-session-cut");
                newcomer.open("app/dashboard.xhtml");
                newcomer.urlContains("login.xhtml");
                return null;
            });
        }
    }
}
