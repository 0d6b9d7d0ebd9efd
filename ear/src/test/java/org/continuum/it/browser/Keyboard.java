package org.continuum.it.browser;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A person with a keyboard and no mouse (A2): moves with Tab, types, presses Space, Enter and the arrows on whatever
 * has the focus. Reading the page is allowed (a screen reader reads it too); clicking is not. Every control reached
 * must show that it has the focus.
 */
final class Keyboard {

    /** More Tab presses than any page of ours needs to go round once: beyond that, a control is out of reach. */
    private static final int MOST_TABS = 150;

    private final Browser browser;

    Keyboard(Browser browser) {
        this.browser = browser;
    }

    /** The login form's two steps, by keys: username, password, Enter; then the code of the authenticator and Enter. */
    void logIn(String username, String password) {
        browser.open("login.xhtml");
        browser.visible(org.openqa.selenium.By.id("login:username"));
        fill("login:username", username);
        fill("login:password", password, Keys.ENTER);
        browser.visible(org.openqa.selenium.By.id("code:value"));
        fill("code:value", LoginPage.freshCode(username, true), Keys.ENTER);
        browser.urlContains("/app/");
        browser.visible(org.openqa.selenium.By.tagName("main"));
    }

    WebElement focused() {
        return browser.driver().switchTo().activeElement();
    }

    /** Whether the focus is on the element with this id or inside it (a PrimeFaces menu focuses an inner input). */
    boolean isOn(String id) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser.driver()).executeScript(
                "var a = document.activeElement; return !!a && (a.id === arguments[0]"
                        + " || !!(a.closest && a.closest('[id=\"' + arguments[0] + '\"]')));", id));
    }

    /** Presses Tab until the control with this id has the focus, then checks the focus can be seen. */
    void tabTo(String id) {
        for (int presses = 0; presses < MOST_TABS; presses++) {
            if (isOn(id)) {
                assertFocusVisible(id);
                return;
            }
            // To whatever has the focus, as a keyboard does (one call to the browser, not two).
            new org.openqa.selenium.interactions.Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        }
        fail("Tab never reached " + id + " in " + MOST_TABS + " presses (unreachable, or the focus is trapped)");
    }

    /** Waits until the focus has moved into the element with this id (a menu panel opening, say). */
    void awaitFocusIn(String id) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(5))
                .until(d -> isOn(id));
    }

    /** Tab to the control, then type into it (a text field, or a menu that picks the option typed). */
    void fill(String id, CharSequence... keys) {
        tabTo(id);
        type(keys);
    }

    /** Tab to the control, then press a key on it (Enter on a link or button, Space on a box or radio). */
    void pressOn(String id, Keys key) {
        tabTo(id);
        press(key);
    }

    void type(CharSequence... keys) {
        focused().sendKeys(keys);
    }

    void press(Keys key) {
        focused().sendKeys(key);
    }

    /**
     * The focused control, or the PrimeFaces widget around it, draws an outline or a ring: a sighted keyboard user
     * sees where they are (WCAG 2.4.7).
     */
    void assertFocusVisible(String id) {
        Object visible = ((JavascriptExecutor) browser.driver()).executeScript(
                "var a = document.activeElement;"
                        + "var widget = a.closest('.ui-selectonemenu, .ui-selectcheckboxmenu, .ui-chkbox, .ui-radiobutton,"
                        + " .ui-button');"
                        + "var box = widget && widget.querySelector('.ui-chkbox-box, .ui-radiobutton-box');"
                        // A PrimeFaces widget keeps its real input out of sight: only what it draws counts.
                        + "var all = a.closest('.ui-helper-hidden-accessible') ? [widget, box] : [a, widget, box];"
                        + "return all.some(function (e) { if (!e) { return false; } var s = getComputedStyle(e);"
                        + " return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)"
                        + " || (s.boxShadow && s.boxShadow !== 'none'); });");
        assertThat(visible).as("the focus on " + id + " can be seen").isEqualTo(Boolean.TRUE);
    }
}
