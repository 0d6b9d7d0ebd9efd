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
        browser.urlContains("/app/task.xhtml");
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
