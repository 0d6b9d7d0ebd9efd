package org.continuum.it.browser;

import org.openqa.selenium.By;

/** The intake form: fills it the way a caseworker does and returns the reference of the new case file. */
public final class IntakePage {

    private final Browser browser;

    public IntakePage(Browser browser) {
        this.browser = browser;
    }

    public String register(String pseudonym, String legalName, String country, String language, String situation) {
        browser.open("app/intake.xhtml");
        browser.type("intake:pseudonym", pseudonym);
        browser.type("intake:legalName", legalName);
        browser.type("intake:location", "Area known to the caseworker");
        browser.choose("intake:situation", situation);
        browser.chooseFiltered("intake:country", country.substring(0, 4), country);
        browser.tick("intake:languages", language, "en");
        browser.choose("intake:requestType", "Relocation");
        browser.choose("intake:channel", "Phone");
        browser.clickable(By.cssSelector("[id='intake:consent'] .ui-chkbox-box")).click();
        browser.clickable(By.id("intake:register")).click();
        browser.urlContains("/app/case.xhtml");
        browser.textPresent(By.id("legalNameValue"), legalName);
        return browser.visible(By.id("caseReference")).getText();
    }
}
