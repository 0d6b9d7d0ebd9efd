package org.continuum.it.browser;

import org.openqa.selenium.By;

/** A task form reached from the inbox, and the moves the journeys make on it. */
public final class TaskPage {

    private final Browser browser;

    public TaskPage(Browser browser) {
        this.browser = browser;
    }

    /** Opens the task named {@code taskName} of case {@code reference} from the inbox. */
    public TaskPage open(String reference, String taskName) {
        browser.open("app/tasks.xhtml");
        browser.clickable(By.xpath("//tr[.//a[normalize-space()='" + reference + "'] and .//td[normalize-space()='"
                + taskName + "']]//a[contains(@class,'task-open')]")).click();
        browser.urlContains("/app/tasks/");
        browser.textPresent(By.tagName("h1"), reference);
        return this;
    }

    /** The case page's address, from the link in the task's heading. */
    public String caseUrl() {
        return browser.visible(By.id("caseLink")).getAttribute("href");
    }

    public TaskPage radio(String id, int index) {
        browser.clickable(By.cssSelector("label[for='task:" + id + ":" + index + "']")).click();
        return this;
    }

    public TaskPage choose(String id, String label) {
        browser.choose("task:" + id, label);
        return this;
    }

    /** A plain HTML select inside the task form (the risk analysis rows), by its visible label. */
    public TaskPage select(String id, String label) {
        new org.openqa.selenium.support.ui.Select(browser.visible(By.id("task:" + id))).selectByVisibleText(label);
        return this;
    }

    /** One threat row of the risk analysis (0-based), with likelihood and impact from 1 to 5. */
    public TaskPage threat(int row, String kind, String actor, String what, int likelihood, int impact) {
        String prefix = "threats:" + row + ":";
        return select(prefix + "category", kind).type(prefix + "actor", actor).type(prefix + "description", what)
                .select(prefix + "likelihood", Integer.toString(likelihood))
                .select(prefix + "impact", Integer.toString(impact));
    }

    public TaskPage type(String id, String text) {
        browser.type("task:" + id, text);
        return this;
    }

    public TaskPage tick(String id, String... values) {
        browser.tick("task:" + id, values);
        return this;
    }

    public void submit() {
        browser.clickable(By.id("task:complete")).click();
    }

    /** Submits and expects the inbox with the confirmation. */
    public void complete(String reference) {
        submit();
        browser.urlContains("/app/tasks.xhtml");
        browser.textPresent(By.id("messages"), reference);
    }

    public void triageAsEligible(String reference, String mentor) {
        open(reference, "Triage").radio("eligible", 0).choose("mentor", mentor)
                .type("note", "Identity confirmed by a partner organisation").complete(reference);
    }
}
