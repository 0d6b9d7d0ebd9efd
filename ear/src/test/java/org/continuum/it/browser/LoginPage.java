package org.continuum.it.browser;

import org.continuum.it.DemoCodes;
import org.openqa.selenium.By;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The login form in its two steps: username and password, then the code an authenticator app would show, computed
 * from the demo account's public secret. Each code is accepted once per account, so a second login of the same
 * account within one 30-second step uses the next step's code (within the server's drift), and a third one waits.
 */
public final class LoginPage {

    /** The last step whose code this test run used, per account (the server refuses it a second time). */
    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

    private final Browser browser;

    public LoginPage(Browser browser) {
        this.browser = browser;
    }

    public void logIn(String username, String password) {
        browser.open("app/tasks.xhtml");
        browser.urlContains("login.xhtml");
        password(username, password);
        code(username);
        browser.urlContains("/app/");
    }

    /** The first step; the code form follows. */
    public void password(String username, String password) {
        browser.type("login:username", username);
        browser.type("login:password", password);
        browser.clickable(By.id("login:submit")).click();
    }

    /** The second step, with a code this account has not used yet. */
    public void code(String username) {
        browser.type("code:value", freshCode(username, true));
        browser.clickable(By.id("code:submit")).click();
    }

    /** A key a new account enrolled, and the time step of the code that confirmed it. */
    public record Enrolled(String secret, long step) {
    }

    /**
     * On the enrolment page that follows a first password: reads the key in text (as a person would type it into
     * their app), confirms it with its current code, and keeps the recovery codes; ends on the code page.
     */
    public Enrolled enrol() {
        String secret = browser.visible(By.id("secret")).getText().replace(" ", "");
        long step = DemoCodes.stepOf(Instant.now());
        browser.type("enrol:value", DemoCodes.forStep(secret, step));
        browser.clickable(By.id("enrol:submit")).click();
        browser.visible(By.cssSelector("#recoveryCodes li"));
        browser.clickable(By.cssSelector("[id='recovery:saved'] .ui-chkbox-box")).click();
        browser.clickable(By.id("recovery:submit")).click();
        return new Enrolled(secret, step);
    }

    /** The code step after {@link #enrol()}: a later code of the same key. */
    public void codeAfter(Enrolled enrolled) {
        browser.type("code:value", DemoCodes.after(enrolled.secret(), enrolled.step()));
        browser.clickable(By.id("code:submit")).click();
    }

    /** A code of this demo account's authenticator that this test run has not used yet (login or step-up). */
    public static String freshCode(String username) {
        return freshCode(username, false);
    }

    /** The same, for a code sent as soon as it is typed (the login's code step): it may use the previous step. */
    static String freshCode(String username, boolean submittedAtOnce) {
        String secret = DemoCodes.secretOf(username);
        synchronized (LAST_STEP) {
            long step = DemoCodes.stepAfter(LAST_STEP.get(username), submittedAtOnce);
            LAST_STEP.put(username, step);
            return DemoCodes.forStep(secret, step);
        }
    }
}
