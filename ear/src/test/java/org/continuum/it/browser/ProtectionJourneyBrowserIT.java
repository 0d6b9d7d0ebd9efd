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
 * The protection continuum in Chromium, three people, three logins: the caseworker takes the request in, triages
 * and verifies it; the mentor assesses the risk, plans local measures, reports a new threat and proposes relocation
 * (refused until every lower step has evidence); a second coordinator approves. Screenshots in target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProtectionJourneyBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.asBuilt();
    }

    @Test
    void intakeToMentorAssessmentToCoordinatorApprovalOfRelocation() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 100_000);
        String reference;
        try (Browser browser = new Browser()) {
            reference = step(browser, "journey-caseworker", () -> caseworker(browser, suffix));
        }
        try (Browser browser = new Browser()) {
            step(browser, "journey-mentor", () -> mentor(browser, reference));
        }
        try (Browser browser = new Browser()) {
            step(browser, "journey-coordinator", () -> coordinator(browser, reference));
        }
        try (Browser browser = new Browser()) {
            step(browser, "journey-route", () -> route(browser, reference));
        }
        try (Browser browser = new Browser()) {
            step(browser, "journey-quotas", () -> quotas(browser));
        }
    }

    /**
     * R4 through the pages: the mentor proposes to close a case protected in place; it stays open until a
     * coordinator signs the closure off from her inbox.
     */
    @Test
    void aLocalClosureWaitsForTheCoordinatorsSignOff() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 100_000);
        String reference;
        try (Browser browser = new Browser()) {
            reference = step(browser, "closure-caseworker", () -> caseworker(browser, suffix));
        }
        try (Browser browser = new Browser()) {
            step(browser, "closure-mentor", () -> {
                new LoginPage(browser).logIn("sofia.mentor", "Demo-Mentor-2026");
                TaskPage task = new TaskPage(browser);
                task.open(reference, "Risk assessment").type("note", "Threats eased after the move")
                        .threat(0, "Digital", "Unknown", "Phishing messages", 2, 2);
                task.complete(reference);
                task.open(reference, "Protection plan").tick("newMeasures", "security-mentoring");
                String caseUrl = task.caseUrl();
                task.complete(reference);
                browser.driver().get(caseUrl);
                browser.type("threat:threatNote", "A last check before closing");
                browser.clickable(By.id("threat:reportThreat")).click();
                browser.textPresent(By.id("messages"), "immediate reassessment");
                task.open(reference, "Risk reassessment").radio("riskLevel", 0).radio("decision", 2)
                        .choose("outcome", "Safe in place");
                browser.screenshot("closure-proposed");
                Axe.assertClean(browser, "closure-proposed");
                task.complete(reference);
                browser.driver().get(caseUrl);
                assertThat(browser.visible(By.id("phaseValue")).getText()).as("not closed by the mentor alone")
                        .isNotEqualTo("Closed");
                return null;
            });
        }
        try (Browser browser = new Browser()) {
            step(browser, "closure-coordinator", () -> {
                new LoginPage(browser).logIn("claire.coordinator", "Demo-Coordinator-1");
                browser.open("app/tasks.xhtml");
                String inbox = browser.visible(By.id("inbox:tasks")).getText();
                String name = inbox.contains("Validation de la clôture (protection sur place)")
                        ? "Validation de la clôture (protection sur place)" : "Closure sign-off (local protection)";
                TaskPage task = new TaskPage(browser);
                task.open(reference, name);
                assertThat(browser.visible(By.id("proposal")).getText()).as("what is signed off, and whose")
                        .contains("sofia.mentor").containsAnyOf("Safe in place", "En sécurité sur place");
                task.radio("approve", 0);
                String caseUrl = task.caseUrl();
                browser.screenshot("closure-sign-off");
                Axe.assertClean(browser, "closure-sign-off");
                task.complete(reference);
                browser.driver().get(caseUrl);
                assertThat(browser.visible(By.id("phaseValue")).getText()).isIn("Closed", "Clos");
                return null;
            });
        }
    }

    private static String caseworker(Browser browser, String suffix) throws Exception {
        new LoginPage(browser).logIn("amira.caseworker", "Demo-Caseworker-1");
        String reference = new IntakePage(browser).register("Cypress-" + suffix, "Мария Иванова " + suffix, "Russia",
                "ru", "Still in the country of danger");
        TaskPage task = new TaskPage(browser);
        task.triageAsEligible(reference, "Sofia Marin");
        task.open(reference, "Verification and consent").radio("verified", 0)
                .choose("method", "Attestation by a partner organisation");
        browser.screenshot("journey-verification");
        Axe.assertClean(browser, "journey-verification");
        task.complete(reference);
        return reference;
    }

    private static String mentor(Browser browser, String reference) throws Exception {
        new LoginPage(browser).logIn("sofia.mentor", "Demo-Mentor-2026");
        browser.open("app/dashboard.xhtml");
        browser.visible(By.id("byPhase"));
        browser.screenshot("journey-mentor-dashboard");
        TaskPage task = new TaskPage(browser);
        // Three threats and no level chosen: the formula gives it (16 + (8 + 4) / 4 = 19, critical).
        task.open(reference, "Risk assessment").type("note", "Summoned twice by the police")
                .threat(0, "Physical", "District police", "Followed home after the march", 4, 4)
                .threat(1, "Legal", "Prosecutor", "Summons for an interview", 2, 4)
                .threat(2, "Digital", "Unknown", "Phishing messages", 2, 2);
        // The country's situation is context: one click makes it a threat, which the mentor still has to rate.
        browser.textPresent(By.id("countrySituation"), "Russia");
        browser.clickable(By.id("task:addCountryThreat")).click();
        browser.textPresent(By.id("messages"), "The country situation was added as a legal threat");
        assertThat(browser.visible(By.id("task:threats:3:description")).getAttribute("value"))
                .startsWith("Country situation (Russia, CRITICAL)");
        assertThat(browser.visible(By.id("task:threats:0:description")).getAttribute("value"))
                .as("what was typed before stays").isEqualTo("Followed home after the march");
        task.select("threats:3:likelihood", "2").select("threats:3:impact", "2");
        browser.screenshot("journey-risk-analysis");
        Axe.assertClean(browser, "journey-risk-analysis");
        task.complete(reference);
        task.open(reference, "Protection plan").tick("newMeasures", "security-mentoring", "safety-plan");
        String caseUrl = task.caseUrl();
        task.complete(reference);

        browser.driver().get(caseUrl);
        browser.urlContains("/app/case.xhtml");
        assertThat(browser.visible(By.id("riskValue")).getText()).isEqualTo("Critical");
        assertThat(browser.driver().findElements(By.cssSelector("#riskTrend circle"))).as("trend chart").hasSize(1);
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].scrollIntoView()", browser.visible(By.id("riskPanel")));
        browser.screenshot("journey-risk-trend");
        Axe.assertClean(browser, "journey-risk-trend");
        browser.type("threat:threatNote", "Home searched while the person was away");
        browser.clickable(By.id("threat:reportThreat")).click();
        browser.textPresent(By.id("messages"), "immediate reassessment");

        task.open(reference, "Risk reassessment").radio("riskLevel", 3).radio("decision", 1)
                .choose("scope", "International").type("justification", "Arrest warrant; nowhere safe in the region");
        task.submit();
        browser.textPresent(By.id("messages"), "Step 1: say whether it was tried or is not feasible.");
        assertThat(browser.visible(By.id("messages")).getText()).contains("Step 5:");
        browser.screenshot("journey-last-resort-refused");
        Axe.assertClean(browser, "journey-last-resort-refused");
        String[] reasons = {"Mentoring did not stop the raids", "Advocacy would expose the person",
                "No accompaniment organisation in the region", "Safe places nearby are watched",
                "The warrant is national: no safe region"};
        for (int row = 0; row < reasons.length; row++) {
            task.choose("evidence:" + row + ":kind", "Not feasible").type("evidence:" + row + ":reason", reasons[row]);
        }
        browser.screenshot("journey-last-resort-evidence");
        Axe.assertClean(browser, "journey-last-resort-evidence");
        task.complete(reference);
        return reference;
    }

    private static String coordinator(Browser browser, String reference) throws Exception {
        new LoginPage(browser).logIn("claire.coordinator", "Demo-Coordinator-1");
        TaskPage task = new TaskPage(browser);
        task.open(reference, taskName(browser)).radio("approve", 0);
        // Approving a relocation is a step-up action: the password again and a fresh code (asked unless Claire
        // stepped up minutes ago).
        if (!browser.driver().findElements(By.id("task:password")).isEmpty()) {
            task.type("password", "Demo-Coordinator-1").type("code", LoginPage.freshCode("claire.coordinator"));
        }
        assertThat(browser.visible(By.id("proposedBy")).getText()).isEqualTo("sofia.mentor");
        browser.screenshot("journey-approval");
        Axe.assertClean(browser, "journey-approval");
        String caseUrl = task.caseUrl();
        task.complete(reference);

        browser.driver().get(caseUrl);
        browser.urlContains("/app/case.xhtml");
        browser.visible(By.cssSelector("#diagram[data-rendered='true']"));
        assertThat(browser.visible(By.id("phaseValue")).getText()).isNotBlank();
        assertThat(browser.driver().findElements(By.cssSelector("#diagram .bpmn-active"))).as("current step marked")
                .isNotEmpty();
        browser.screenshot("journey-case-after-approval");
        return reference;
    }

    static final String PROGRAMME = "France: visa for asylum";

    /**
     * The caseworker takes the approved relocation through a programme: its checklist answered, the application
     * submitted, the visa issued and the travel booked; then the relocation plan (destination from the programme)
     * and the arrival, which ends the application.
     */
    private static String route(Browser browser, String reference) throws Exception {
        new LoginPage(browser).logIn("amira.caseworker", "Demo-Caseworker-1");
        TaskPage task = new TaskPage(browser);
        task.open(reference, "Relocation preparation");
        browser.clickable(By.id("task:routesLink")).click();
        browser.urlContains("/app/routes.xhtml");
        browser.textPresent(By.id("countrySituation"), "Russia");
        browser.choose("apply:programme", PROGRAMME);
        browser.clickable(By.id("apply:choose")).click();
        browser.textPresent(By.id("apply:checklist"), "Holds a passport valid for the stay");
        browser.clickable(By.id("apply:submit")).click();
        browser.textPresent(By.id("messages"), "Not met for this programme: Holds a passport valid for the stay");
        assertThat(browser.visible(By.id("messages")).getText()).as("every failing item listed")
                .contains("Is targeted because of their LGBTQIA+ identity or work");
        browser.screenshot("journey-route-checklist-refused");
        for (int item = 0; item < 2; item++) {
            browser.clickable(By.cssSelector("label[for='apply:items:" + item + ":answer:0']")).click();
        }
        browser.type("apply:applicationNote", "Appointment at the consulate requested");
        browser.screenshot("journey-route-checklist");
        Axe.assertClean(browser, "journey-route-checklist");
        browser.clickable(By.id("apply:submit")).click();
        browser.textPresent(By.id("messages"), "The application was submitted");
        browser.textPresent(By.id("applications"), "Submitted");

        browser.choose("move:step", "Visa or travel document issued");
        browser.clickable(By.id("move:record")).click();
        browser.textPresent(By.id("messages"), "The step was recorded.");
        browser.choose("move:step", "Travel booked");
        browser.type("move:travelDate_input",
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(14).toString());
        browser.clickable(By.id("move:record")).click();
        browser.textPresent(By.id("applications"), "Travel booked");
        browser.screenshot("journey-route-booked");
        Axe.assertClean(browser, "journey-route-booked");

        task.open(reference, "Relocation preparation").choose("documents", "Ready")
                .type("securityPlan", "Fly from Moscow via Istanbul; a partner meets the person at the airport");
        task.complete(reference);
        task.open(reference, "Arrival confirmation").radio("arrived", 0)
                .type("arrivedOn_input", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
        String caseUrl = task.caseUrl();
        task.complete(reference);
        browser.driver().get(caseUrl);
        browser.clickable(By.id("routesLink")).click();
        browser.textPresent(By.id("applications"), "Arrived");
        browser.screenshot("journey-route-arrived");
        return reference;
    }

    /** The coordinator's programmes page counts the place the arrival used. */
    private static Void quotas(Browser browser) throws Exception {
        new LoginPage(browser).logIn("claire.coordinator", "Demo-Coordinator-1");
        browser.clickable(By.id("navProgrammes")).click();
        browser.urlContains("/app/programmes.xhtml");
        String used = browser.visible(By.xpath("//tr[.//bdi[normalize-space()='" + PROGRAMME
                + "']]//span[@class='used']")).getText();
        assertThat(Integer.parseInt(used.strip())).as("the place of the person who arrived").isPositive();
        browser.screenshot("journey-programmes");
        Axe.assertClean(browser, "journey-programmes");
        return null;
    }

    /** Claire's account is in French: the inbox names the task in her language. */
    private static String taskName(Browser browser) {
        browser.open("app/tasks.xhtml");
        String page = browser.visible(By.id("inbox:tasks")).getText();
        return page.contains("Approbation de la relocalisation") ? "Approbation de la relocalisation"
                : "Relocation approval";
    }
}
