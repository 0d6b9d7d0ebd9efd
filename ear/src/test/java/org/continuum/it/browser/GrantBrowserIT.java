package org.continuum.it.browser;

import org.continuum.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.continuum.it.browser.Steps.step;

/**
 * An emergency grant in Chromium. The first test is also A2's second journey, with the keyboard alone: the caseworker
 * recommends 2,000 USD from a fund whose threshold is 1,500, so two coordinators must approve; coordinator A approves
 * (password and code typed again), coordinator B gives the second approval and records the payment. Only the case is
 * prepared with the mouse (A2's first journey, {@code KeyboardJourneyBrowserIT}, registers one by keys). Screenshots in
 * target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GrantBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.asBuilt();
    }

    @Test
    void caseworkerRecommendsTwoCoordinatorsApproveAndThePaymentIsRecordedWithTheKeyboardAlone() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 100_000);
        String grant;
        try (Browser browser = new Browser()) {
            new LoginPage(browser).logIn("amira.caseworker", "Demo-Caseworker-1");
            new IntakePage(browser).register("Willow-" + suffix, "ليلى أحمد " + suffix, "Russia", "ru",
                    "Still in the country of danger");
            grant = step(browser, "grant-caseworker", () -> recommendByKeys(browser, new Keyboard(browser)));
        }
        try (Browser browser = new Browser()) {
            step(browser, "grant-coordinator-a", () -> {
                Keyboard keys = new Keyboard(browser);
                keys.logIn("claire.coordinator", "Demo-Coordinator-1");
                assertThat(Integer.parseInt(browser.visible(By.id("grantsAwaiting")).getText())).isPositive();
                approveByKeys(browser, keys, grant, "claire.coordinator", "Demo-Coordinator-1");
                browser.textPresent(By.id("grantStatus"), "Awaiting second approval");
                assertThat(browser.driver().findElements(By.id("decide:submitDecision"))).as("no second vote for claire")
                        .isEmpty();
                browser.screenshot("grant-first-approval");
                Axe.assertClean(browser, "grant-first-approval");
                return null;
            });
        }
        try (Browser browser = new Browser()) {
            step(browser, "grant-coordinator-b", () -> {
                Keyboard keys = new Keyboard(browser);
                keys.logIn("omar.coordinator", "Demo-Coordinator-2");
                approveByKeys(browser, keys, grant, "omar.coordinator", "Demo-Coordinator-2");
                browser.textPresent(By.id("grantStatus"), "Approved");
                keys.fill("disburse:method", "Through");
                browser.textPresent(By.id("disburse:method_label"), "Through a partner organisation");
                keys.fill("disburse:paymentReference", "PARTNER-TRF-" + suffix);
                keys.fill("disburse:proof", "Receipt signed at the partner's office");
                browser.screenshot("grant-payment-form");
                Axe.assertClean(browser, "grant-payment-form");
                stepUpByKeys(browser, keys, "disburse:payPassword", "disburse:payCode", "omar.coordinator",
                        "Demo-Coordinator-2");
                keys.pressOn("disburse:submitPayment", Keys.ENTER);
                browser.textPresent(By.id("grantStatus"), "Paid, report awaited");
                assertThat(browser.visible(By.id("paidAmount")).getText()).startsWith("2,000.00 USD · 1/1");
                assertThat(browser.driver().findElements(By.cssSelector("[id$='payments_data'] tr"))).hasSize(1);
                browser.screenshot("grant-paid");
                Axe.assertClean(browser, "grant-paid");
                browser.open("app/funds.xhtml");
                browser.visible(By.cssSelector(".burndown polyline"));
                browser.screenshot("grant-funds");
                return null;
            });
        }
        assertThat(STEP_UPS.get()).as("at least one approval asked for password and code").isPositive();
    }

    /**
     * The caseworker's part by keys, from the case page: the fund and category menus by typing, the amounts, Enter;
     * the form refuses the request until the not-funded-elsewhere box is ticked (Space), then records it.
     */
    private static String recommendByKeys(Browser browser, Keyboard keys) throws Exception {
        keys.pressOn("requestGrant", Keys.ENTER);
        browser.urlContains("/app/grant-request.xhtml");
        browser.visible(By.id("grantRequest:fund"));
        keys.fill("grantRequest:fund", "Commun");
        browser.textPresent(By.id("grantRequest:fundRules"), "1,500.00 USD");
        keys.fill("grantRequest:category", "Temp");
        browser.textPresent(By.id("grantRequest:category_label"), "Temporary housing");
        keys.fill("grantRequest:purpose", "Two months in a safe flat while the threats continue");
        keys.fill("grantRequest:amount_input", "2000");
        keys.fill("grantRequest:currency", "USD");
        keys.fill("grantRequest:totalCost_input", "2000");
        keys.pressOn("grantRequest:recommend", Keys.ENTER);
        browser.textPresent(By.id("messages"), "Confirm that this purpose is not already funded elsewhere.");
        browser.screenshot("grant-request-refused");
        Axe.assertClean(browser, "grant-request-refused");
        keys.pressOn("grantRequest:notFundedElsewhere", Keys.SPACE);
        assertThat(browser.driver().findElement(By.cssSelector("[id='grantRequest:notFundedElsewhere'] .ui-chkbox-box"))
                .getAttribute("class")).as("ticked by Space").contains("ui-state-active");
        keys.pressOn("grantRequest:recommend", Keys.ENTER);
        browser.urlContains("/app/grant.xhtml");
        assertThat(browser.visible(By.id("grantStatus")).getText()).isEqualTo("Recommended");
        assertThat(browser.visible(By.id("approvalsRequired")).getText()).isEqualTo("2");
        browser.screenshot("grant-recommended");
        Axe.assertClean(browser, "grant-recommended");
        return browser.visible(By.id("grantReference")).getText();
    }

    /**
     * From the dashboard's list of grants awaiting this coordinator, opens the grant and approves it in full by keys:
     * Space on the first choice, the reason, Space on the no-conflict box, password and code again when the money
     * asks for them (the session id changes then), Enter on the button.
     */
    private static void approveByKeys(Browser browser, Keyboard keys, String grant, String username, String password) {
        browser.visible(By.id("grantDesk"));
        keys.pressOn(grantLinkOf(browser, grant), Keys.ENTER);
        browser.urlContains("/app/grant.xhtml");
        browser.textPresent(By.id("grantReference"), grant);
        keys.pressOn("decide:decision:0", Keys.SPACE);
        assertThat(browser.driver().findElement(By.id("decide:decision:0")).isSelected()).as("approve chosen").isTrue();
        keys.fill("decide:reason", "Checked by keyboard: quote and threat documented");
        keys.pressOn("decide:noConflict", Keys.SPACE);
        String before = browser.driver().manage().getCookieNamed("CONTINUUM_SESSION").getValue();
        boolean stepUp = stepUpByKeys(browser, keys, "decide:password", "decide:code", username, password);
        keys.pressOn("decide:submitDecision", Keys.ENTER);
        browser.textPresent(By.id("messages"), "recorded");
        if (stepUp) {
            STEP_UPS.incrementAndGet();
            assertThat(browser.driver().manage().getCookieNamed("CONTINUUM_SESSION").getValue())
                    .as("the session id changes at step-up").isNotEqualTo(before);
        }
    }

    /** Password and code typed again when the form asks (a coordinator who stepped up minutes ago is not asked). */
    private static boolean stepUpByKeys(Browser browser, Keyboard keys, String passwordId, String codeId,
                                        String username, String password) {
        if (browser.driver().findElements(By.id(passwordId)).isEmpty()) {
            return false;
        }
        keys.fill(passwordId, password);
        keys.fill(codeId, LoginPage.freshCode(username));
        return true;
    }

    /** The id of the grant desk's link to this grant (its row read as a screen reader reads it). */
    private static String grantLinkOf(Browser browser, String grant) {
        for (WebElement link : browser.driver().findElements(
                By.cssSelector("[id$='grantsAwaitingTable_data'] a.grant-link"))) {
            if (link.getText().trim().equals(grant)) {
                return link.getAttribute("id");
            }
        }
        throw new AssertionError("grant " + grant + " is not in the list awaiting this coordinator");
    }

    /** How many approvals of this class asked for the step-up (a coordinator who stepped up minutes ago is not asked). */
    private static final java.util.concurrent.atomic.AtomicInteger STEP_UPS = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Every coordinator page of this work renders (no error page), in French too. Omar, MENA's second coordinator,
     * looks: Claire logs in and steps up in both grant journeys, and a fifth code of hers within a minute waited up to
     * half a minute for a new step (11–12 s a run of the test command).
     */
    @Test
    void coordinatorPagesRenderInBothLanguages() throws Exception {
        try (Browser browser = new Browser()) {
            new LoginPage(browser).logIn("omar.coordinator", "Demo-Coordinator-2");
            for (String[] page : new String[][]{{"app/funds.xhtml", "newFund"},
                    {"app/fund.xhtml?code=DEFENDERS-2026", "editFund"},
                    {"app/fund-edit.xhtml?code=DEFENDERS-2026", "fund:save"},
                    {"app/fund-edit.xhtml", "fund:save"},
                    {"app/grant-request.xhtml?case=1", "grantRequest:recommend"},
                    {"app/safety-plan.xhtml?case=1", "planText"},
                    {"app/case.xhtml?id=1", "riskPanel"},
                    {"app/dashboard.xhtml", "grantDesk"}}) {
                browser.open(page[0]);
                assertThat(browser.visible(By.tagName("h1")).getText()).as(page[0])
                        .doesNotContain("Something went wrong");
                browser.visible(By.id(page[1]));
            }
            browser.open("app/funds.xhtml");
            new org.openqa.selenium.support.ui.Select(browser.visible(By.id("languageForm:language")))
                    .selectByValue("fr");
            browser.textPresent(By.tagName("h1"), "Fonds d'urgence");
            browser.open("app/fund-edit.xhtml?code=DEFENDERS-2026");
            browser.textPresent(By.tagName("h1"), "Modifier le fonds");
            browser.screenshot("grant-fund-edit-fr");
        }
    }

    /**
     * R4 through the pages: a coordinator's change of a fund is only proposed; she cannot apply it herself; another
     * coordinator applies it after typing password and code, and only then does the fund show the new values. Funds
     * belong to no team: the two coordinators of EUR-EAST make the change, so the MENA coordinators of the grant
     * journeys need no third code within one 30-second step (each such wait cost up to half a minute).
     */
    @Test
    void aFundChangeTakesASecondCoordinator() throws Exception {
        String donor = "Demo Rainbow Solidarity Trust " + System.nanoTime() % 100_000;
        try (Browser elena = new Browser()) {
            new LoginPage(elena).logIn("elena.coordinator", "Demo-Coordinator-3");
            elena.open("app/fund-edit.xhtml?code=SAFE-PASSAGE-2026");
            elena.type("fund:donor", donor);
            elena.clickable(By.id("fund:save")).click();
            elena.urlContains("fund.xhtml");
            elena.textPresent(By.id("messages"), "another coordinator must apply it");
            String pending = elena.visible(By.id("changes")).getText();
            assertThat(pending).contains("donor: ").contains(donor).contains("You proposed this change");
            assertThat(elena.driver().findElements(By.cssSelector("[id$=':apply']"))).as("not for the proposer")
                    .isEmpty();
            assertThat(elena.visible(By.tagName("main")).getText()).as("the fund keeps its donor")
                    .doesNotContain("Donor: " + donor);
        }
        try (Browser pavel = new Browser()) {
            new LoginPage(pavel).logIn("pavel.coordinator", "Demo-Coordinator-4");
            pavel.open("app/fund.xhtml?code=SAFE-PASSAGE-2026");
            assertThat(pavel.visible(By.id("changes")).getText()).contains(donor).contains("elena.coordinator");
            if (!pavel.driver().findElements(By.id("changes:password")).isEmpty()) {
                pavel.type("changes:password", "Demo-Coordinator-4");
                pavel.type("changes:code", LoginPage.freshCode("pavel.coordinator"));
            }
            pavel.screenshot("fund-change-pending");
            Axe.assertClean(pavel, "fund-change-pending");
            pavel.clickable(By.cssSelector("[id$=':apply']")).click();
            pavel.textPresent(By.id("messages"), "The change was applied");
            assertThat(pavel.driver().findElements(By.id("changes"))).as("nothing waits any more").isEmpty();
            pavel.textPresent(By.tagName("main"), "Donor: " + donor);
        }
    }

    /**
     * R4 through the pages: a grant under the fund's threshold needs one approval; the coordinator who gave it is
     * told that another coordinator records the payment and is offered no payment form; the other one pays.
     */
    @Test
    void theSoleApproverOfAGrantDoesNotRecordItsPayment() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 100_000);
        String grantUrl;
        try (Browser browser = new Browser()) {
            grantUrl = step(browser, "sole-caseworker", () -> caseworker(browser, suffix, "300", "1"));
        }
        try (Browser claire = new Browser()) {
            new LoginPage(claire).logIn("claire.coordinator", "Demo-Coordinator-1");
            claire.driver().get(grantUrl);
            decide(claire, "claire.coordinator", "Demo-Coordinator-1", "Small housing grant, quote checked");
            claire.textPresent(By.id("grantStatus"), "Approved");
            claire.textPresent(By.id("soleApprover"), "another coordinator records the payment");
            assertThat(claire.driver().findElements(By.id("disburse:submitPayment"))).as("no payment form").isEmpty();
            claire.screenshot("grant-sole-approver");
        }
        // The team lead pays: another coordinator of the team (and Omar's codes stay free for the other tests).
        try (Browser karim = new Browser()) {
            new LoginPage(karim).logIn("karim.lead", "Demo-TeamLead-2026");
            karim.driver().get(grantUrl);
            assertThat(karim.driver().findElements(By.id("soleApprover"))).isEmpty();
            karim.choose("disburse:method", "Through a partner organisation");
            karim.type("disburse:paymentReference", "PARTNER-TRF-" + suffix);
            karim.type("disburse:proof", "Receipt signed at the partner's office");
            if (!karim.driver().findElements(By.id("disburse:payPassword")).isEmpty()) {
                karim.type("disburse:payPassword", "Demo-TeamLead-2026");
                karim.type("disburse:payCode", LoginPage.freshCode("karim.lead"));
            }
            karim.clickable(By.id("disburse:submitPayment")).click();
            karim.textPresent(By.id("grantStatus"), "Paid");
            assertThat(karim.visible(By.id("paidAmount")).getText()).startsWith("300.00 USD · 1/1");
        }
    }

    private static void checkbox(Browser browser, String id) {
        browser.clickable(By.cssSelector("[id='" + id + "'] .ui-chkbox-box")).click();
    }

    private static String caseworker(Browser browser, String suffix, String amount, String approvals)
            throws Exception {
        new LoginPage(browser).logIn("amira.caseworker", "Demo-Caseworker-1");
        new IntakePage(browser).register("Willow-" + suffix, "ليلى أحمد " + suffix, "Russia", "ru",
                "Still in the country of danger");
        browser.clickable(By.id("requestGrant")).click();
        browser.urlContains("/app/grant-request.xhtml");
        browser.choose("grantRequest:fund", "Community solidarity pot (USD)");
        browser.textPresent(By.id("grantRequest:fundRules"), "1,500.00 USD");
        browser.choose("grantRequest:category", "Temporary housing");
        browser.type("grantRequest:purpose", "Two months in a safe flat while the threats continue");
        browser.type("grantRequest:amount_input", amount);
        browser.type("grantRequest:currency", "USD");
        browser.type("grantRequest:totalCost_input", amount);
        browser.clickable(By.id("grantRequest:recommend")).click();
        browser.textPresent(By.id("messages"), "Confirm that this purpose is not already funded elsewhere.");
        browser.screenshot("grant-request-refused");
        Axe.assertClean(browser, "grant-request-refused");
        checkbox(browser, "grantRequest:notFundedElsewhere");
        browser.clickable(By.id("grantRequest:recommend")).click();
        browser.urlContains("/app/grant.xhtml");
        assertThat(browser.visible(By.id("grantStatus")).getText()).isEqualTo("Recommended");
        assertThat(browser.visible(By.id("approvalsRequired")).getText()).isEqualTo(approvals);
        browser.screenshot("grant-recommended");
        Axe.assertClean(browser, "grant-recommended");
        return browser.driver().getCurrentUrl();
    }

    /**
     * Approves with the step-up the money needs: the password again and a fresh code of the authenticator (unless
     * this coordinator stepped up minutes ago in another journey; then the form does not ask). Returns whether it did.
     */
    private static boolean decide(Browser browser, String username, String password, String reason) {
        browser.clickable(By.cssSelector("label[for='decide:decision:0']")).click();
        browser.type("decide:reason", reason);
        checkbox(browser, "decide:noConflict");
        boolean stepUp = !browser.driver().findElements(By.id("decide:password")).isEmpty();
        if (stepUp) {
            browser.type("decide:password", password);
            browser.type("decide:code", LoginPage.freshCode(username));
        }
        String before = browser.driver().manage().getCookieNamed("CONTINUUM_SESSION").getValue();
        browser.clickable(By.id("decide:submitDecision")).click();
        browser.textPresent(By.id("messages"), "recorded");
        if (stepUp) {
            STEP_UPS.incrementAndGet();
            assertThat(browser.driver().manage().getCookieNamed("CONTINUUM_SESSION").getValue())
                    .as("the session id changes at step-up").isNotEqualTo(before);
        }
        return stepUp;
    }
}
