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

import static org.assertj.core.api.Assertions.assertThat;
import static org.continuum.it.browser.Steps.step;

/**
 * The referral desk and the safe-place search in Chromium: a caseworker records a field-level consent, is refused a
 * field the person did not consent to, refers with the consented ones, closes the loop, then records a vetted safe
 * place whose address appears on the case file. The administrators' pages render in English and French.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MentorWorkspaceBrowserIT {

    static final String PARTNER = "Human Rights First";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.asBuilt();
    }

    private static void toggle(Browser browser, String checkboxId) {
        browser.clickable(By.cssSelector("label[for='" + checkboxId + "']")).click();
    }

    @Test
    void caseworkerRefersOnlyConsentedFieldsThenRecordsASafePlace() throws Exception {
        try (Browser browser = new Browser()) {
            step(browser, "referral-desk", () -> {
                new LoginPage(browser).logIn("amira.caseworker", "Demo-Caseworker-1");
                browser.open("app/case.xhtml?id=1");
                browser.clickable(By.id("referralsLink")).click();
                browser.urlContains("/app/referrals.xhtml");
                browser.visible(By.id("partners"));

                browser.chooseFiltered("consent:consentPartner", "Human", PARTNER);
                toggle(browser, "consent:consentFields:3");
                toggle(browser, "consent:consentFields:4");
                browser.clickable(By.id("consent:saveConsent")).click();
                browser.textPresent(By.id("messages"), "Consent recorded.");

                browser.chooseFiltered("refer:partner", "Human", PARTNER);
                browser.textPresent(By.id("refer:consentNow"), "Country, Languages");
                browser.choose("refer:purpose", "legal-support");
                browser.choose("refer:channel", "web:https://humanrightsfirst.org");
                toggle(browser, "refer:fields:0");
                toggle(browser, "refer:fields:3");
                browser.clickable(By.id("refer:send")).click();
                browser.textPresent(By.id("messages"), "has not agreed to share \"Legal name\"");
                browser.screenshot("referral-refused");
                Axe.assertClean(browser, "referral-refused");
                assertThat(browser.driver().findElements(By.id("sentPackage"))).as("nothing sent").isEmpty();

                toggle(browser, "refer:fields:0");
                browser.clickable(By.id("refer:send")).click();
                browser.textPresent(By.id("messages"), "Referral sent.");
                String shared = browser.visible(By.id("sentPackage")).getText();
                assertThat(shared).contains("Country", "LB").doesNotContain("Legal name", "ليلى");
                browser.screenshot("referral-sent");

                browser.clickable(By.id("answer:recordAnswer")).click();
                browser.textPresent(By.id("messages"), "Answer recorded.");
                browser.choose("outcome:outcomeValue", "Service provided");
                browser.clickable(By.id("outcome:recordOutcome")).click();
                browser.textPresent(By.id("messages"), "the referral is closed");
                browser.textPresent(By.id("referrals"), "Closed with an outcome");
                browser.screenshot("referral-closed");
                Axe.assertClean(browser, "referral-closed");

                // Its dossier is offered in the partner's language (English), not the reader's (French here), and
                // the page says which languages the partner reads.
                WebElement row = browser.driver().findElements(By.cssSelector("[id$='referrals_data'] > tr")).stream()
                        .filter(r -> r.getText().contains(PARTNER) && r.getText().contains("Closed with an outcome"))
                        .reduce((first, last) -> last).orElseThrow();
                String dossier = row.findElement(By.linkText("Referral dossier")).getAttribute("href");
                language(browser, "fr");
                browser.driver().get(dossier);
                browser.textPresent(By.id("dossier:partnerLanguages"), "Le partenaire lit : English");
                assertThat(browser.driver().findElement(By.id("dossier:language_input")).getAttribute("value"))
                        .as("the partner's language chosen").isEqualTo("en");
                browser.screenshot("referral-dossier-page-fr");
                language(browser, "en");
                return null;
            });
            step(browser, "mail-pages", () -> {
                browser.open("app/dossier.xhtml?case=1");
                browser.clickable(By.id("dossier:generate")).click();
                assertThat(browser.visible(By.id("password")).getText()).matches("[0-9a-z]{5}(-[0-9a-z]{5}){3}");
                browser.visible(By.id("dossier:download"));
                browser.screenshot("dossier-password");
                Axe.assertClean(browser, "dossier-password");
                for (String[] page : new String[][]{{"app/mail-intake.xhtml", "mails:queue"},
                        {"app/preferences.xhtml", "preferences:save"}, {"app/intake.xhtml?draft=999999", "intake"}}) {
                    browser.open(page[0]);
                    assertThat(browser.visible(By.tagName("h1")).getText()).as(page[0])
                            .doesNotContain("Something went wrong");
                    browser.visible(By.id(page[1]));
                }
                browser.open("app/preferences.xhtml");
                assertThat(browser.visible(By.id("email")).getText()).isEqualTo("amira.caseworker@continuum.test");
                return null;
            });
            step(browser, "safe-place", () -> {
                browser.open("app/safe-place-search.xhtml?case=1");
                browser.textPresent(By.id("search:places"), "Centre communautaire Al-Amal");
                assertThat(browser.visible(By.id("search:places")).getText()).as("no address in the search")
                        .doesNotContain("Rue Inventée");
                browser.screenshot("safe-place-search");
                browser.clickable(By.xpath("//tr[contains(., 'Al-Amal')]//button")).click();
                browser.urlContains("/app/case.xhtml");
                browser.textPresent(By.id("planPanel"), "Rue Inventée 8");
                ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                        "document.getElementById('planPanel').scrollIntoView()");
                browser.screenshot("safe-place-on-case");
                Axe.assertClean(browser, "safe-place-on-case");
                return null;
            });
        }
    }

    @Test
    void auditorSeesReportsWithSmallCellsSuppressedAndExports() throws Exception {
        try (Browser browser = new Browser()) {
            new LoginPage(browser).logIn("nadia.auditor", "Demo-Auditor-2026");
            browser.open("app/reports.xhtml");
            browser.textPresent(By.tagName("h1"), "Reports");
            assertThat(browser.driver().findElements(By.cssSelector(".cell")).stream().map(e -> e.getText()))
                    .isNotEmpty().allMatch(t -> t.equals("<5") || t.equals("0") || t.matches("[5-9]|\\d{2,}"));
            assertThat(browser.driver().findElements(By.cssSelector("li > span:first-child")).stream()
                    .map(e -> e.getText().strip())).as("countries by name, not by ISO code").isNotEmpty()
                    .noneMatch(t -> t.matches("[A-Z]{2}"));
            browser.screenshot("reports");
            browser.open("app/exports.xhtml");
            browser.visible(By.id("exports:casesCsv"));
            browser.screenshot("exports");
        }
    }

    @Test
    void administratorPagesRenderInBothLanguages() throws Exception {
        try (Browser browser = new Browser()) {
            new LoginPage(browser).logIn("admin", "Demo-Admin-2026!");
            for (String[] page : new String[][]{{"app/outbox.xhtml", "outbox:unsent"},
                    {"app/preferences.xhtml", "preferences:save"},
                    {"app/partners.xhtml", "newPartner"},
                    {"app/partner-edit.xhtml?code=rainbow-railroad", "partner:save"},
                    {"app/partner-edit.xhtml", "partner:save"},
                    {"app/accounts.xhtml", "newAccount:create"},
                    {"app/account.xhtml?u=amira.caseworker", "change:save"},
                    {"app/teams.xhtml", "newTeam:create"},
                    {"app/my-account.xhtml", "own:changePassword"},
                    {"app/safe-places.xhtml", "newPlace"},
                    {"app/safe-place-edit.xhtml", "place:save"},
                    {"app/safe-place-edit.xhtml?id=1", "place:save"}}) {
                browser.open(page[0]);
                assertThat(browser.visible(By.tagName("h1")).getText()).as(page[0])
                        .doesNotContain("Something went wrong");
                browser.visible(By.id(page[1]));
            }
            assertThat(browser.visible(By.id("place:name")).getAttribute("value")).as("the last page: place 1 loaded")
                    .isNotBlank();
            browser.open("app/partners.xhtml");
            new org.openqa.selenium.support.ui.Select(browser.visible(By.id("languageForm:language")))
                    .selectByValue("fr");
            browser.textPresent(By.tagName("h1"), "Annuaire des partenaires");
            browser.screenshot("partners-fr");
            browser.open("app/safe-places.xhtml");
            browser.textPresent(By.tagName("h1"), "Registre des lieux sûrs");
            browser.screenshot("safe-places-fr");
        }
    }

    /** The language menu on every page; it submits itself. */
    private static void language(Browser browser, String language) {
        new org.openqa.selenium.support.ui.Select(browser.visible(By.id("languageForm:language")))
                .selectByValue(language);
        browser.visible(By.cssSelector("html[lang='" + language + "']"));
    }
}
