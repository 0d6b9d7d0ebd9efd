package org.continuum.it.browser;

import org.continuum.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A1: axe-core's WCAG 2.2 A and AA rules on every page each role reaches, in English and in Arabic. Each role logs in
 * and follows the application's own links (navigation, then the links on those pages) to find its pages; a page
 * another role already reached is not scanned twice. The test prints every page it checked and fails on any serious
 * or critical violation, naming the rule and the elements.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessibilityBrowserIT {

    static final List<String> LANGUAGES = List.of("en", "ar");

    /** One login per role; together they reach every page of the staff interface. */
    static final List<String[]> ROLES = List.of(
            new String[] {"amira.caseworker", "Demo-Caseworker-1"},
            new String[] {"sofia.mentor", "Demo-Mentor-2026"},
            new String[] {"claire.coordinator", "Demo-Coordinator-1"},
            new String[] {"nadia.auditor", "Demo-Auditor-2026"},
            new String[] {"admin", "Demo-Admin-2026!"});

    /** Pages reached through a form rather than a link, opened directly with a demo record. */
    static final List<String> DIRECT = List.of("app/dossier.xhtml?case=1", "app/referrals.xhtml?case=1",
            "app/safety-plan.xhtml?case=1", "app/grant-request.xhtml?case=1");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.asBuilt();
    }

    @Test
    void everyPageOfEveryRolePassesWcagAaInEnglishAndArabic() throws Exception {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        Set<String> scannedPaths = new LinkedHashSet<>();
        List<String> checked = new ArrayList<>();
        try (Browser browser = new Browser()) {
            for (String language : LANGUAGES) {
                browser.open("login.xhtml");
                choose(browser, language);
                scan(browser, "anonymous", language, "login.xhtml", checked, problems);
            }
            // The scan can fail: a button without a name put into the page is found as the critical violation it is.
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "document.querySelector('main').appendChild(document.createElement('button'));");
            assertThat(Axe.violations(browser)).as("a nameless button found").anyMatch(v -> v.contains("button-name"));
            for (String[] role : ROLES) {
                new LoginPage(browser).logIn(role[0], role[1]);
                choose(browser, "en");
                // English while the crawl opens a page anyway; Arabic afterwards, for the pages new to this role.
                List<String> pages = new ArrayList<>();
                java.util.function.Consumer<String> english = page -> {
                    if (scannedPaths.add(pathOf(page))) {
                        scan(browser, role[0], "en", page, checked, problems);
                        pages.add(page);
                    }
                };
                crawl(browser, english);
                for (var form : taskForms(browser).entrySet()) {
                    if (scannedPaths.add("task form " + form.getKey())) {
                        browser.open(form.getValue());
                        scan(browser, role[0], "en", form.getValue(), checked, problems);
                        pages.add(form.getValue());
                    }
                }
                choose(browser, "ar");
                for (String page : pages) {
                    browser.open(page);
                    scan(browser, role[0], "ar", page, checked, problems);
                    mirrored(browser, page);
                }
                if (role[0].equals(ROLES.get(0)[0])) {
                    // Still in Arabic: the case dossier this caseworker would hand over.
                    browser.open("app/dossier.xhtml?case=1");
                    arabicDossier(browser);
                }
                choose(browser, "en");
                browser.clickable(By.id("logoutForm:logout")).click();
                browser.urlContains("login.xhtml");
            }
        }
        System.out.println("A1: axe-core " + Axe.WCAG_AA + " on " + checked.size() + " page views:");
        checked.forEach(line -> System.out.println("  " + line));
        problems.forEach((page, list) -> list.forEach(p -> System.out.println("A1 violation " + page + ": " + p)));
        assertThat(checked).as("pages checked").hasSizeGreaterThan(40);
        assertThat(problems).as("serious or critical violations per page").isEmpty();
    }

    /**
     * Opens every page the role reaches by following links from its home page, breadth first (navigation first, a
     * path once), then DIRECT, and hands each to {@code opened} while it is on screen. Task pages are left to
     * {@link #taskForms}, which takes one task of each kind.
     */
    private static void crawl(Browser browser, java.util.function.Consumer<String> opened) {
        Set<String> paths = new LinkedHashSet<>();
        List<String> pages = new ArrayList<>();
        for (String page : links(browser)) {
            if (paths.add(pathOf(page))) {
                pages.add(page);
            }
        }
        for (int next = 0; next < pages.size() && pages.size() < 60; next++) {
            browser.open(pages.get(next));
            opened.accept(pages.get(next));
            for (String link : links(browser)) {
                if (paths.add(pathOf(link))) {
                    pages.add(link);
                }
            }
        }
        for (String page : DIRECT) {
            if (paths.add(pathOf(page))) {
                browser.open(page);
                opened.accept(page);
            }
        }
    }

    /**
     * One open task of each kind in the role's inbox (each kind has its own form), by the kind's name in the list.
     */
    private static Map<String, String> taskForms(Browser browser) {
        Map<String, String> forms = new LinkedHashMap<>();
        browser.open("app/my-account.xhtml");
        if (browser.driver().findElements(By.id("navTasks")).isEmpty()) {
            return forms;
        }
        browser.open("app/tasks.xhtml");
        browser.visible(By.id("inbox:tasks"));
        // Each row's task kind (second cell, as shown) and its link, read in one script rather than per row.
        @SuppressWarnings("unchecked")
        List<List<String>> rows = (List<List<String>>) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return Array.from(document.querySelectorAll(\"[id='inbox:tasks_data'] > tr\"))"
                        + ".filter(r => r.querySelector('a.task-open') && r.cells.length > 1)"
                        + ".map(r => [r.cells[1].innerText, r.querySelector('a.task-open').href]);");
        for (List<String> row : rows) {
            forms.putIfAbsent(row.get(0).trim(), "app/task.xhtml?" + URI.create(row.get(1)).getRawQuery());
        }
        return forms;
    }

    /** Links to application pages on the current page, relative to the application's root. */
    private static List<String> links(Browser browser) {
        String root = URI.create(Browser.testServerUrl()).getPath();
        List<String> found = new ArrayList<>();
        // One script for all links: a WebDriver round trip per link costs more than the page itself.
        @SuppressWarnings("unchecked")
        List<String> hrefs = (List<String>) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return Array.from(document.querySelectorAll('a[href]'), a => a.href);");
        for (String href : hrefs) {
            if (href == null || href.contains("#")) {
                continue;
            }
            URI uri = URI.create(href);
            String path = uri.getPath();
            if (path != null && path.startsWith(root + "app/") && path.endsWith(".xhtml")
                    && !path.endsWith("/app/task.xhtml")) {
                String relative = path.substring(root.length());
                found.add(uri.getQuery() == null ? relative : relative + "?" + uri.getQuery());
            }
        }
        return found;
    }

    /**
     * An Arabic page is laid out right to left: the document says so, the brand stands right of the navigation, the
     * main heading's text starts at the right. Screenshots of the pages A3 names are kept for a person to look at.
     */
    private static void mirrored(Browser browser, String page) {
        assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("dir")).as(page).isEqualTo("rtl");
        if (!browser.driver().findElements(By.cssSelector(".topbar .brand")).isEmpty()) {
            int brand = browser.driver().findElement(By.cssSelector(".topbar .brand")).getRect().getX();
            int navigation = browser.driver().findElement(By.cssSelector(".topbar nav")).getRect().getX();
            assertThat(brand).as(page + ": the brand right of the navigation").isGreaterThan(navigation);
        }
        String shot = page.startsWith("app/dashboard") ? "ar-dashboard" : page.startsWith("app/case.xhtml")
                ? "ar-case" : page.startsWith("app/task.xhtml") ? "ar-task-form" : page.startsWith("app/dossier")
                ? "ar-dossier-page" : null;
        try {
            if (shot != null) {
                browser.screenshot(shot);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A3: the dossier an Arabic-speaking caseworker generates is in Arabic (labels and names from the interface's
     * words, not codes) and laid out right to left; its first page is kept as a picture for a person to look at.
     */
    private static void arabicDossier(Browser browser) throws java.io.IOException {
        browser.clickable(By.id("dossier:generate")).click();
        String password = browser.visible(By.id("password")).getText().trim();
        browser.clickable(By.id("dossier:download")).click();
        java.nio.file.Path pdf = browser.downloaded(".pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile(), password)) {
            String text = java.text.Normalizer.normalize(new org.apache.pdfbox.text.PDFTextStripper().getText(doc),
                    java.text.Normalizer.Form.NFKC);
            assertThat(text).as("the Arabic dossier").contains("الهوية", "الاسم المستعار", "الوضع")
                    .doesNotContain("Pseudonym", "IN_COUNTRY_OF_DANGER");
            java.awt.image.BufferedImage first = new org.apache.pdfbox.rendering.PDFRenderer(doc)
                    .renderImageWithDPI(0, 80);
            java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("screenshots.dir",
                    "target/screenshots"));
            javax.imageio.ImageIO.write(first, "png", dir.resolve("ar-dossier.png").toFile());
        }
    }

    private static String pathOf(String page) {
        int query = page.indexOf('?');
        return query < 0 ? page : page.substring(0, query);
    }

    /** The language menu on every page; it submits itself. */
    private static void choose(Browser browser, String language) {
        WebElement menu = browser.visible(By.id("languageForm:language"));
        if (!language.equals(menu.getAttribute("value"))) {
            new org.openqa.selenium.support.ui.Select(menu).selectByValue(language);
            browser.visible(By.cssSelector("html[lang='" + language + "']"));
        }
    }

    private static void scan(Browser browser, String role, String language, String page, List<String> checked,
                             Map<String, List<String>> problems) {
        List<String> found = Axe.violations(browser);
        checked.add(language + " " + page + " (" + role + ")" + (found.isEmpty() ? "" : ": " + found.size()
                + " serious or critical"));
        if (!found.isEmpty()) {
            problems.put(language + " " + page, found);
        }
    }
}
