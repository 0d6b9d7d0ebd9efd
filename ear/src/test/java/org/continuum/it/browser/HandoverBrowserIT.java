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
 * A handover in Chromium: a new MENA mentor is given a case at triage; the mentor leaves, and the administrator moves
 * everything of theirs to Sofia: the list shows reference and pseudonym only, the confirmation moves the mentor
 * assignment, and the case file Sofia could not open before opens for her now. The administrator then resets the
 * leaving mentor's second factor, which needs their own password and a right code.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HandoverBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.asBuilt();
    }

    @Test
    void theAdministratorHandsALeavingMentorsCaseAndTaskToAColleague() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 100_000);
        String leaving = "test.leaving" + suffix;
        String displayName = "Leaving Mentor " + suffix;
        String pseudonym = "Juniper-" + suffix;
        String legalName = "Мария Иванова " + suffix;
        try (Browser admin = new Browser(); Browser amira = new Browser(); Browser sofia = new Browser()) {
            step(admin, "handover-account", () -> {
                new LoginPage(admin).logIn("admin", "Demo-Admin-2026!");
                admin.open("app/accounts.xhtml");
                admin.type("newAccount:username", leaving);
                admin.type("newAccount:displayName", displayName);
                admin.clickable(By.xpath("//label[starts-with(@for,'newAccount:roles:')"
                        + " and normalize-space()='Security mentor']")).click();
                admin.choose("newAccount:team", "MENA · Middle East and North Africa desk");
                admin.type("newAccount:password", "Amber-Lighthouse-Valley-" + suffix);
                admin.clickable(By.id("newAccount:create")).click();
                admin.textPresent(By.id("messages"), "The account was created.");
                return null;
            });
            String[] registered = step(amira, "handover-triage", () -> {
                new LoginPage(amira).logIn("amira.caseworker", "Demo-Caseworker-1");
                String ref = new IntakePage(amira).register(pseudonym, legalName, "Russia", "ru",
                        "Still in the country of danger");
                String url = amira.driver().getCurrentUrl();
                new TaskPage(amira).triageAsEligible(ref, displayName);
                return new String[]{ref, url};
            });
            String reference = registered[0];
            String caseUrl = registered[1];
            step(sofia, "handover-before", () -> {
                new LoginPage(sofia).logIn("sofia.mentor", "Demo-Mentor-2026");
                sofia.driver().get(caseUrl);
                sofia.textPresent(By.id("messages"), "not allowed to open it");
                return null;
            });
            step(admin, "handover-preview", () -> {
                admin.open("app/account.xhtml?u=" + leaving);
                admin.choose("handover:colleague", "sofia.mentor · Sofia Marin");
                admin.clickable(By.id("handover:preview")).click();
                String items = admin.visible(By.id("handover:items")).getText();
                assertThat(items).contains(reference).contains(pseudonym).contains("Mentor of the case")
                        .as("nothing of the case beyond reference and pseudonym").doesNotContain(legalName);
                admin.screenshot("handover-preview");
                Axe.assertClean(admin, "handover-preview");
                admin.clickable(By.id("handover:confirm")).click();
                admin.textPresent(By.id("messages"), "were handed over");
                return null;
            });
            step(admin, "handover-second-factor-reset", () -> {
                // The same page resets a second factor: a reason, and the administrator's own password and code.
                admin.type("secondFactor:reason", "Phone lost on the way out");
                admin.type("secondFactor:adminPassword", "Demo-Admin-2026!");
                admin.type("secondFactor:adminCode", "000000");
                admin.clickable(By.id("secondFactor:reset")).click();
                admin.textPresent(By.id("messages"), "not accepted");
                admin.type("secondFactor:reason", "Phone lost on the way out");
                admin.type("secondFactor:adminPassword", "Demo-Admin-2026!");
                admin.type("secondFactor:adminCode", LoginPage.freshCode("admin"));
                admin.clickable(By.id("secondFactor:reset")).click();
                admin.textPresent(By.id("messages"), "The second factor was reset");
                return null;
            });
            step(sofia, "handover-received", () -> {
                // Sofia is now the case's mentor: the same page opens for her.
                sofia.driver().get(caseUrl);
                sofia.textPresent(By.id("caseReference"), reference);
                sofia.screenshot("handover-received");
                return null;
            });
        }
    }
}
