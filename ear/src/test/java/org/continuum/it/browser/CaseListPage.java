package org.continuum.it.browser;

import org.openqa.selenium.By;

/** The case list with its exact legal-name search and its masked legal names. */
public final class CaseListPage {

    private final Browser browser;

    public CaseListPage(Browser browser) {
        this.browser = browser;
    }

    public CaseListPage open() {
        browser.open("app/cases.xhtml");
        browser.visible(By.id("cases:table"));
        return this;
    }

    /** Types {@code typed} in the exact-name search and waits until {@code expected} shows in the table. */
    public String searchLegalName(String typed, String expected) {
        var firstRowBefore = browser.visible(By.cssSelector("[id='cases:table_data'] tr"));
        browser.type("cases:legalName", typed);
        browser.clickable(By.id("cases:search")).click();
        browser.stale(firstRowBefore);
        browser.textPresent(By.id("cases:table"), expected);
        return tableText();
    }

    /** Clicks "Show name" on the row of {@code reference} and returns the name the row then shows. */
    public String reveal(String reference) {
        String row = "//tr[.//a[normalize-space()='" + reference + "']]";
        browser.clickable(By.xpath(row + "//button[contains(@class,'reveal-name')]")).click();
        return browser.visible(By.xpath(row + "//bdi[contains(@class,'revealed-name') and normalize-space()!='']"))
                .getText();
    }

    /** Whether the keyboard focus sits on the name the row of {@code reference} shows (after "Show name"). */
    public boolean focusOnRevealedName(String reference) {
        return Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "var a = document.activeElement; return a !== null && a.classList.contains('revealed-name')"
                        + " && a.closest('tr').textContent.indexOf(arguments[0]) >= 0;", reference));
    }

    /**
     * Sends the list's reveal command with an id no row of the list holds, as a tampered request would, and returns
     * the message the page then shows.
     */
    public String revealTampered(String caseFileId) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "revealLegalName([{name: 'caseFileId', value: arguments[0]}]);", caseFileId);
        return browser.visible(By.cssSelector("[id='messages'] .message-error")).getText();
    }

    public String tableText() {
        return browser.visible(By.id("cases:table")).getText();
    }
}
