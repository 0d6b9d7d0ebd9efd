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
 * Break-glass in Chromium: a MENA coordinator (the team lead, also a mentor) opens a EUR-EAST case file in an
 * emergency (reference, reason, password and code), reads it, and asks to act; the step-up he passed does not count in his second browser; the EUR-EAST
 * coordinator confirms; the administrator's outbox shows the EUR-EAST coordinator was told; the auditor's report
 * lists who, which case file, why and what was opened. Screenshots in target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BreakGlassBrowserIT {

    private static final String REASON = "The EUR-EAST desk cannot be reached and the person reports a raid tonight";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.asBuilt();
    }

    @Test
    void aCoordinatorBreaksTheGlassTheCaseTeamIsToldAndConfirmsAndTheAuditorSeesIt() throws Exception {
        String reference;
        String caseUrl;
        try (Browser ivan = new Browser()) {
            var link = step(ivan, "breakglass-reference", () -> {
                new LoginPage(ivan).logIn("ivan.caseworker", "Demo-Caseworker-2");
                new CaseListPage(ivan).open();
                return ivan.visible(By.xpath("//tr[.//td[contains(normalize-space(),'Birch')]]//a"));
            });
            reference = link.getText().strip();
            caseUrl = "app/case.xhtml?" + link.getAttribute("href").replaceFirst(".*\\?", "");
        }
        try (Browser karim = new Browser(); Browser karimElsewhere = new Browser()) {
            step(karim, "breakglass-open", () -> {
                new LoginPage(karim).logIn("karim.lead", "Demo-TeamLead-2026");
                new CaseListPage(karim).open();
                assertThat(karim.visible(By.id("cases:table")).getText()).doesNotContain(reference);
                karim.open(caseUrl);
                karim.textPresent(By.id("messages"), "not allowed to open it");
                return null;
            });
            step(karim, "breakglass-form", () -> {
                karim.open("app/break-glass.xhtml");
                karim.type("breakGlass:reference", reference);
                karim.type("breakGlass:reason", "urgent");
                karim.type("breakGlass:password", "Demo-TeamLead-2026");
                karim.type("breakGlass:code", LoginPage.freshCode("karim.lead"));
                karim.clickable(By.id("breakGlass:open")).click();
                karim.textPresent(By.id("messages"), "at least 20 characters");
                karim.type("breakGlass:reason", REASON);
                karim.clickable(By.cssSelector("[id='breakGlass:wantsToAct'] .ui-chkbox-box")).click();
                if (!karim.driver().findElements(By.id("breakGlass:password")).isEmpty()) {
                    karim.type("breakGlass:password", "Demo-TeamLead-2026");
                    karim.type("breakGlass:code", LoginPage.freshCode("karim.lead"));
                }
                karim.screenshot("breakglass-form");
                karim.clickable(By.id("breakGlass:open")).click();
                karim.urlContains("case.xhtml");
                karim.textPresent(By.id("messages"), "Emergency access opened");
                assertThat(karim.visible(By.tagName("h1")).getText()).contains(reference);
                assertThat(karim.visible(By.id("emergencyAccess")).getText()).contains("emergency access");
                karim.screenshot("breakglass-case");
                Axe.assertClean(karim, "breakglass-case");
                return null;
            });
            step(karimElsewhere, "breakglass-other-session", () -> {
                new LoginPage(karimElsewhere).logIn("karim.lead", "Demo-TeamLead-2026");
                karimElsewhere.open("app/break-glass.xhtml");
                // His step-up of a minute ago belongs to the other browser: here he is asked again.
                karimElsewhere.visible(By.id("breakGlass:password"));
                karimElsewhere.visible(By.id("breakGlass:code"));
                return null;
            });
        }
        try (Browser elena = new Browser()) {
            step(elena, "breakglass-confirm", () -> {
                new LoginPage(elena).logIn("elena.coordinator", "Demo-Coordinator-3");
                elena.open("app/break-glass.xhtml");
                elena.textPresent(By.id("awaiting:requests"), reference);
                assertThat(elena.visible(By.id("awaiting:requests")).getText()).contains("karim.lead")
                        .contains(REASON);
                elena.screenshot("breakglass-awaiting");
                Axe.assertClean(elena, "breakglass-awaiting");
                elena.clickable(By.xpath("//tr[.//td[contains(normalize-space(),'" + reference
                        + "')]]//button[contains(@id,':confirm')]")).click();
                elena.textPresent(By.id("messages"), "Confirmed");
                return null;
            });
        }
        try (Browser admin = new Browser()) {
            step(admin, "breakglass-notification", () -> {
                new LoginPage(admin).logIn("admin", "Demo-Admin-2026!");
                admin.open("app/outbox.xhtml");
                String outbox = admin.visible(By.id("outbox")).getText();
                assertThat(outbox).as("the EUR-EAST coordinator was told")
                        .containsPattern("elena\\.coordinator [^\\n]*emergency[^\\n]*" + reference);
                return null;
            });
        }
        try (Browser nadia = new Browser()) {
            step(nadia, "breakglass-report", () -> {
                new LoginPage(nadia).logIn("nadia.auditor", "Demo-Auditor-2026");
                nadia.clickable(By.id("navBreakGlassReport")).click();
                nadia.textPresent(By.id("report"), reference);
                String report = nadia.visible(By.id("report")).getText();
                assertThat(report).contains("karim.lead").contains(REASON).contains("CASE_VIEWED")
                        .contains("elena.coordinator").contains("60 min");
                nadia.screenshot("breakglass-report");
                Axe.assertClean(nadia, "breakglass-report");
                return null;
            });
        }
    }
}
