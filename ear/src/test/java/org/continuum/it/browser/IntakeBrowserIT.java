package org.continuum.it.browser;

import org.continuum.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caseworker's first day, in real Chromium against the real server: log in, register two intakes whose
 * requesters are named in Arabic and in Cyrillic script, find both in the case list, and complete one triage
 * task through its form.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IntakeBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.asBuilt();
    }


    @Test
    void caseworkerRegistersArabicAndCyrillicNamedRequestersAndFindsThem() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 100_000);
        String arabic = "سلمى الحسيني " + suffix;
        String cyrillic = "Ольга Кузнецова " + suffix;
        try (Browser browser = new Browser()) {
            try {
                journey(browser, suffix, arabic, cyrillic);
            } catch (RuntimeException | AssertionError failed) {
                browser.screenshot("failure");
                throw failed;
            }
        }
    }

    private static void journey(Browser browser, String suffix, String arabic, String cyrillic) throws Exception {
        // The second team's caseworker: the other journeys log amira in often enough that a fourth login within
        // her code steps would wait for a new one.
        new LoginPage(browser).logIn("ivan.caseworker", "Demo-Caseworker-2");

        IntakePage intake = new IntakePage(browser);
        String arabicRef = intake.register("Palm-" + suffix, arabic, "Lebanon", "ar", "Asylum seeker");
        browser.screenshot("case-arabic");
        Axe.assertClean(browser, "case-arabic");
        String cyrillicRef = intake.register("Aspen-" + suffix, cyrillic, "Russia", "ru",
                "Still in the country of danger");
        assertThat(arabicRef).matches("CF-\\d{4}-\\d{6}").isNotEqualTo(cyrillicRef);

        CaseListPage list = new CaseListPage(browser).open();
        assertThat(list.tableText()).contains(arabicRef, cyrillicRef, "Palm-" + suffix)
                .as("legal names are masked in the list").doesNotContain(arabic).doesNotContain(cyrillic);
        assertThat(list.reveal(arabicRef)).isEqualTo(arabic);
        assertThat(list.reveal(cyrillicRef)).isEqualTo(cyrillic);
        browser.screenshot("case-list");
        Axe.assertClean(browser, "case-list");
        assertThat(list.focusOnRevealedName(cyrillicRef)).as("the keyboard lands on the name shown").isTrue();
        assertThat(list.tableText()).as("both names show, nothing else").contains(arabic, cyrillic);
        assertThat(list.revealTampered("not-a-number")).as("a malformed id is refused cleanly")
                .contains("does not exist or you are not allowed");
        list.open();
        assertThat(list.revealTampered("987654321987")).as("an id outside the list is refused as unknown")
                .contains("does not exist or you are not allowed");
        browser.screenshot("case-list-refused");

        String arabicHit = new CaseListPage(browser).open().searchLegalName(arabic, arabicRef);
        assertThat(arabicHit).contains(arabicRef).doesNotContain(cyrillicRef);
        String cyrillicHit = new CaseListPage(browser).open().searchLegalName(cyrillic.toUpperCase(), cyrillicRef);
        assertThat(cyrillicHit).contains(cyrillicRef).doesNotContain(arabicRef);
        assertThat(Files.size(browser.screenshot("case-list-search"))).isPositive();

        new TaskPage(browser).triageAsEligible(arabicRef, "Nika Beridze");
        browser.screenshot("triage-completed");
        Axe.assertClean(browser, "triage-completed");
        assertThat(browser.visible(org.openqa.selenium.By.id("inbox:tasks")).getText())
                .as("verification follows triage").contains("Verification and consent");
    }
}
