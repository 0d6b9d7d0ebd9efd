package org.continuum.it.browser;

import org.openqa.selenium.By;

/** The task inbox and the triage form that completes a triage task. */
public final class TriagePage {

    private final Browser browser;

    public TriagePage(Browser browser) {
        this.browser = browser;
    }

    /** Opens the triage task of {@code reference} from the inbox, marks it eligible and completes it. */
    public void completeAsEligible(String reference) {
        browser.open("app/tasks.xhtml");
        browser.clickable(By.xpath("//tr[.//a[normalize-space()='" + reference + "']]//a[contains(@class,'task-open')]"))
                .click();
        browser.urlContains("/app/triage.xhtml");
        browser.textPresent(By.tagName("h1"), reference);
        browser.clickable(By.cssSelector("label[for='triage:eligible:0']")).click();
        browser.type("triage:note", "Identity confirmed by a partner organisation");
        browser.clickable(By.id("triage:complete")).click();
        browser.urlContains("/app/tasks.xhtml");
        browser.textPresent(By.id("messages"), "Triage of " + reference + " completed.");
    }
}
