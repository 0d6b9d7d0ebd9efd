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
 * The second journey (a grant recommended, approved twice and paid by keys) is {@code GrantBrowserIT}'s first test.
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
                keys.logIn("amira.caseworker", "Demo-Caseworker-1");
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
                keys.logIn("sofia.mentor", "Demo-Mentor-2026");
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
