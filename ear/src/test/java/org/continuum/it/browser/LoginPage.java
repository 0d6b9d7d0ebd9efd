package org.continuum.it.browser;

import org.openqa.selenium.By;

/** The login form. */
public final class LoginPage {

    private final Browser browser;

    public LoginPage(Browser browser) {
        this.browser = browser;
    }

    public void logIn(String username, String password) {
        browser.open("app/tasks.xhtml");
        browser.urlContains("login.xhtml");
        browser.type("login:username", username);
        browser.type("login:password", password);
        browser.clickable(By.id("login:submit")).click();
        browser.urlContains("/app/");
    }
}
