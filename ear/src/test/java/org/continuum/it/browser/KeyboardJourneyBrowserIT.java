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

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.continuum.it.browser.Steps.step;

/**
 * A2, the first journey: a caseworker who uses no mouse logs in, registers an intake, triages and verifies it; the
 * mentor assesses the risk and plans the first measures; all with the keyboard alone (Tab, typing, Space, the arrows,
 * Enter). The skip link comes first, every control is reached by Tab and shows its focus, and no menu keeps the focus.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeyboardJourneyBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.asBuilt();
    }

    @Test
    void intakeTriageVerificationAssessmentAndPlanWithTheKeyboardAlone() throws Exception {
        String pseudonym = "Keys-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        try (Browser browser = new Browser()) {
            Keyboard keys = new Keyboard(browser);
            step(browser, "keyboard-login", () -> {
                browser.open("login.xhtml");
                logIn(browser, keys, "amira.caseworker", "Demo-Caseworker-1");
                return null;
            });
            String reference = step(browser, "keyboard-intake", () -> {
                browser.visible(By.tagName("main"));
                ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                        "document.activeElement && document.activeElement.blur(); window.focus();");
                browser.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
                assertThat(keys.focused().getAttribute("class")).as("the first Tab reaches the skip link")
                        .contains("skip-link");
                keys.assertFocusVisible("skip link");
                keys.pressOn("navIntake", Keys.ENTER);
                browser.urlContains("/app/intake.xhtml");
                browser.visible(By.id("intake:pseudonym"));

                keys.fill("intake:pseudonym", pseudonym);
                keys.fill("intake:legalName", "Rami Haddad");
                keys.fill("intake:location", "Area known to the caseworker");
                keys.fill("intake:situation", "Still");
                browser.textPresent(By.id("intake:situation_label"), "Still in the country of danger");
                keys.fill("intake:country", "Leban");
                browser.textPresent(By.id("intake:country_label"), "Lebanon");
                tickAll(browser, keys, "intake:languages", "Arabic", "English");
                keys.fill("intake:requestType", "Reloc");
                browser.textPresent(By.id("intake:requestType_label"), "Relocation");
                keys.fill("intake:channel", "Phone");
                browser.textPresent(By.id("intake:channel_label"), "Phone");
                keys.pressOn("intake:consent", Keys.SPACE);
                keys.pressOn("intake:register", Keys.ENTER);
                browser.urlContains("/app/case.xhtml");
                browser.textPresent(By.id("messages"), "opened");
                browser.screenshot("keyboard-intake-registered");
                return browser.visible(By.id("caseReference")).getText();
            });
            step(browser, "keyboard-triage", () -> {
                keys.pressOn("navTasks", Keys.ENTER);
                browser.urlContains("/app/tasks.xhtml");
                String open = openLinkOf(browser, reference, "Triage");
                keys.pressOn(open, Keys.ENTER);
                browser.urlContains("/app/tasks/triage.xhtml");
                browser.visible(By.id("task:eligible"));
                keys.pressOn("task:eligible", Keys.SPACE);
                keys.fill("task:mentor", "Sofia");
                browser.textPresent(By.id("task:mentor_label"), "Sofia");
                keys.fill("task:note", "Verified by phone; keyboard only.");
                keys.pressOn("task:complete", Keys.ENTER);
                browser.textPresent(By.id("messages"), "completed");
                browser.screenshot("keyboard-triage-completed");

                keys.pressOn(openLinkOf(browser, reference, "Verification and consent"), Keys.ENTER);
                browser.urlContains("/app/tasks/verify.xhtml");
                browser.visible(By.id("task:verified"));
                keys.pressOn("task:verified", Keys.SPACE);
                keys.fill("task:method", "Attest");
                browser.textPresent(By.id("task:method_label"), "Attestation by a partner organisation");
                keys.pressOn("task:complete", Keys.ENTER);
                browser.textPresent(By.id("messages"), "completed");
                return null;
            });
            step(browser, "keyboard-assessment", () -> {
                keys.pressOn("logoutForm:logout", Keys.ENTER);
                browser.urlContains("login.xhtml");
                logIn(browser, keys, "sofia.mentor", "Demo-Mentor-2026");
                keys.pressOn("navTasks", Keys.ENTER);
                browser.urlContains("/app/tasks.xhtml");
                keys.pressOn(openLinkOf(browser, reference, "Risk assessment"), Keys.ENTER);
                browser.urlContains("/app/tasks/assess-risk.xhtml");
                browser.visible(By.id("task:threats:0:category"));
                // The threat rows are plain selects: typing picks the option, as in any browser.
                keys.fill("task:threats:0:category", "Phys");
                keys.fill("task:threats:0:actor", "District police");
                keys.fill("task:threats:0:description", "Followed home after the march");
                keys.fill("task:threats:0:likelihood", "4");
                keys.fill("task:threats:0:impact", "4");
                keys.fill("task:note", "Assessed by keyboard");
                keys.pressOn("task:complete", Keys.ENTER);
                browser.textPresent(By.id("messages"), "completed");
                return null;
            });
            step(browser, "keyboard-plan", () -> {
                keys.pressOn(openLinkOf(browser, reference, "Protection plan"), Keys.ENTER);
                browser.urlContains("/app/tasks/plan-measures.xhtml");
                browser.visible(By.id("task:newMeasures"));
                tickAll(browser, keys, "task:newMeasures", "Security mentoring", "Safety plan");
                keys.pressOn("task:complete", Keys.ENTER);
                browser.textPresent(By.id("messages"), "completed");
                browser.screenshot("keyboard-plan-completed");
                return null;
            });
        }
    }

    /**
     * A2, the second journey: the caseworker recommends a grant of 2,000 USD from a fund whose threshold is 1,500;
     * coordinator A approves, typing password and code again; coordinator B gives the second approval and records
     * the payment. Only the case itself is prepared with the mouse (the first journey shows an intake by keys).
     */
    @Test
    void grantRecommendationApprovalAndPaymentWithTheKeyboardAlone() throws Exception {
        String pseudonym = "Keys-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        String grant;
        try (Browser browser = new Browser()) {
            Keyboard keys = new Keyboard(browser);
            new LoginPage(browser).logIn("amira.caseworker", "Demo-Caseworker-1");
            new IntakePage(browser).register(pseudonym, "Rami Haddad", "Russia", "ru", "Still in the country of danger");
            grant = step(browser, "keyboard-grant-recommend", () -> {
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
                keys.pressOn("grantRequest:notFundedElsewhere", Keys.SPACE);
                assertThat(browser.driver().findElement(By.cssSelector(
                        "[id='grantRequest:notFundedElsewhere'] .ui-chkbox-box")).getAttribute("class"))
                        .as("ticked by Space").contains("ui-state-active");
                keys.pressOn("grantRequest:recommend", Keys.ENTER);
                browser.urlContains("/app/grant.xhtml");
                assertThat(browser.visible(By.id("grantStatus")).getText()).isEqualTo("Recommended");
                assertThat(browser.visible(By.id("approvalsRequired")).getText()).isEqualTo("2");
                browser.screenshot("keyboard-grant-recommended");
                return browser.visible(By.id("grantReference")).getText();
            });
        }
        try (Browser browser = new Browser()) {
            Keyboard keys = new Keyboard(browser);
            step(browser, "keyboard-grant-first-approval", () -> {
                browser.open("login.xhtml");
                logIn(browser, keys, "claire.coordinator", "Demo-Coordinator-1");
                approve(browser, keys, grant, "claire.coordinator", "Demo-Coordinator-1");
                browser.textPresent(By.id("grantStatus"), "Awaiting second approval");
                return null;
            });
        }
        try (Browser browser = new Browser()) {
            Keyboard keys = new Keyboard(browser);
            step(browser, "keyboard-grant-payment", () -> {
                browser.open("login.xhtml");
                logIn(browser, keys, "omar.coordinator", "Demo-Coordinator-2");
                approve(browser, keys, grant, "omar.coordinator", "Demo-Coordinator-2");
                browser.textPresent(By.id("grantStatus"), "Approved");
                keys.fill("disburse:method", "Through");
                browser.textPresent(By.id("disburse:method_label"), "Through a partner organisation");
                keys.fill("disburse:paymentReference", "PARTNER-TRF-" + pseudonym);
                keys.fill("disburse:proof", "Receipt signed at the partner's office");
                stepUp(browser, keys, "disburse:payPassword", "disburse:payCode", "omar.coordinator",
                        "Demo-Coordinator-2");
                keys.pressOn("disburse:submitPayment", Keys.ENTER);
                browser.textPresent(By.id("grantStatus"), "Paid, report awaited");
                assertThat(browser.visible(By.id("paidAmount")).getText()).startsWith("2,000.00 USD · 1/1");
                browser.screenshot("keyboard-grant-paid");
                return null;
            });
        }
    }

    /**
     * From the dashboard's list of grants awaiting this coordinator, opens the grant and approves it in full by keys:
     * Space on the first choice of the decision, the reason, Space on the no-conflict box, password and code again
     * when the money asks for them, Enter on the button.
     */
    private static void approve(Browser browser, Keyboard keys, String grant, String username, String password) {
        browser.visible(By.id("grantDesk"));
        keys.pressOn(grantLinkOf(browser, grant), Keys.ENTER);
        browser.urlContains("/app/grant.xhtml");
        browser.textPresent(By.id("grantReference"), grant);
        keys.pressOn("decide:decision:0", Keys.SPACE);
        assertThat(browser.driver().findElement(By.id("decide:decision:0")).isSelected()).as("approve chosen").isTrue();
        keys.fill("decide:reason", "Checked by keyboard: quote and threat documented");
        keys.pressOn("decide:noConflict", Keys.SPACE);
        stepUp(browser, keys, "decide:password", "decide:code", username, password);
        keys.pressOn("decide:submitDecision", Keys.ENTER);
        browser.textPresent(By.id("messages"), "recorded");
    }

    /** Password and code typed again, when the form asks (a coordinator who stepped up minutes ago is not asked). */
    private static void stepUp(Browser browser, Keyboard keys, String passwordId, String codeId, String username,
                               String password) {
        if (!browser.driver().findElements(By.id(passwordId)).isEmpty()) {
            keys.fill(passwordId, password);
            keys.fill(codeId, LoginPage.freshCode(username));
        }
    }

    /** The id of the grant desk's link to this grant (its row read as a screen reader reads it). */
    private static String grantLinkOf(Browser browser, String grant) {
        for (WebElement link : browser.driver().findElements(By.cssSelector("[id$='grantsAwaitingTable_data'] a.grant-link"))) {
            if (link.getText().trim().equals(grant)) {
                return link.getAttribute("id");
            }
        }
        throw new AssertionError("grant " + grant + " is not in the list awaiting this coordinator");
    }

    /** The login form's two steps, by keys: username, password, Enter; then the code and Enter. */
    private static void logIn(Browser browser, Keyboard keys, String username, String password) {
        browser.visible(By.id("login:username"));
        keys.fill("login:username", username);
        keys.fill("login:password", password, Keys.ENTER);
        browser.visible(By.id("code:value"));
        keys.fill("code:value", LoginPage.freshCode(username), Keys.ENTER);
        browser.urlContains("/app/");
        browser.visible(By.tagName("main"));
    }

    /** A checkbox menu by keys: Down opens it, the arrows and Space tick these items, Escape closes it. */
    private static void tickAll(Browser browser, Keyboard keys, String menu, String... labels) {
        keys.pressOn(menu, Keys.ARROW_DOWN);
        keys.awaitFocusIn(menu + "_panel");
        for (String label : labels) {
            tick(keys, label);
        }
        keys.press(Keys.ESCAPE);
        for (String label : labels) {
            browser.textPresent(By.id(menu), label);
        }
    }

    /**
     * In an open checkbox menu: the arrows move through the items, Space ticks the one named so ("Arabic (ar)",
     * "1 · Safety plan").
     */
    private static void tick(Keyboard keys, String label) {
        for (int presses = 0; presses < 40; presses++) {
            List<WebElement> items = keys.focused().findElements(By.xpath("ancestor::li[1]"));
            WebElement item = items.isEmpty() ? null : items.get(0);
            String text = item == null ? "" : item.getText().trim();
            if (text.startsWith(label + " (") || text.endsWith("· " + label)) {
                keys.press(Keys.SPACE);
                assertThat(item.findElement(By.cssSelector(".ui-chkbox-box")).getAttribute("class"))
                        .contains("ui-state-active");
                keys.press(Keys.HOME);
                return;
            }
            keys.press(Keys.ARROW_DOWN);
        }
        throw new AssertionError("no item " + label + " in the menu");
    }

    /** The id of the task list's "Open" link in this case's row of this task (reading the page, as a screen reader does). */
    private static String openLinkOf(Browser browser, String reference, String task) {
        browser.visible(By.id("inbox:tasks"));
        for (WebElement row : browser.driver().findElements(By.cssSelector("[id='inbox:tasks_data'] > tr"))) {
            List<WebElement> link = row.findElements(By.cssSelector("a.task-open"));
            List<WebElement> cells = row.findElements(By.tagName("td"));
            if (!link.isEmpty() && cells.size() > 1 && cells.get(0).getText().trim().equals(reference)
                    && cells.get(1).getText().trim().equals(task)) {
                return link.get(0).getAttribute("id");
            }
        }
        throw new AssertionError("no task " + task + " for " + reference + " in the inbox");
    }
}
