package org.continuum.it.browser;

import org.continuum.it.Deployments;
import org.continuum.it.Poll;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.continuum.it.browser.Steps.step;

/**
 * The requester's side in Chromium. A person with scripts off (as in Tor Browser's safest mode) asks for help in
 * Arabic, gets a receipt code and no cookie; a caseworker registers the request from the queue with the form's
 * answers filled in and writes to the person from the case page; the person comes back with the code, reads the
 * message and answers; the caseworker reads the answer on the case. The quick exit leaves and takes the page out of
 * the history; a flood from one address is refused with a message. axe finds nothing serious on the form (French)
 * and the receipt page (Persian, right to left).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PublicRequestBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.asBuilt();
    }

    /** Sends the form; a form sent sooner than the server accepts is sent again, as a person would. */
    private static void send(Browser person) throws InterruptedException {
        WebDriver driver = person.driver();
        boolean sent = Poll.until(Duration.ofSeconds(20), () -> {
            if (!driver.findElements(By.id("receiptCode")).isEmpty()) {
                return true;
            }
            var problems = driver.findElements(By.id("problems"));
            if (!problems.isEmpty() && !problems.get(0).getText().contains("بسرعة")
                    && !problems.get(0).getText().contains("too quickly")) {
                return true;
            }
            driver.findElement(By.id("send")).click();
            return false;
        });
        assertThat(sent).isTrue();
    }

    private static void fill(Browser person, String name, String situation) {
        person.type("name", name);
        person.type("situation", situation);
        new Select(person.visible(By.id("country"))).selectByValue("LB");
        person.clickable(By.id("needs:0")).click();
        person.clickable(By.cssSelector("input[name='languages'][value='ar']")).click();
        person.clickable(By.id("consentStorage")).click();
    }

    @Test
    void aPersonAsksWithoutScriptsInArabicAndComesBackWithTheCodeToTheTeamsMessage() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String hostileName = "<b>ليلى " + run + "</b>";
        String code;
        try (Browser person = Browser.withoutJavaScript().fromAddress("192.0.2.10")) {
            code = step(person, "public-request", () -> {
                person.open("request/?lang=ar");
                assertThat(person.visible(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
                assertThat(person.driver().getTitle()).isEqualTo("تواصل");
                fill(person, hostileName, "جاؤوا إلى بيتي ليلًا. <img src=x onerror=alert(1)>");
                person.type("city", "<i>بيروت</i>");
                person.type("messenger", "<script>alert('signal')</script>");
                person.clickable(By.id("never:0")).click();
                java.nio.file.Path photo = java.nio.file.Files.createTempFile("صورة-التهديد-", ".png");
                javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(60, 40,
                        java.awt.image.BufferedImage.TYPE_INT_RGB), "png", photo.toFile());
                person.driver().findElement(By.id("files")).sendKeys(photo.toString());
                person.screenshot("public-request-ar");
                send(person);
                String receipt = person.visible(By.id("receiptCode")).getText();
                assertThat(receipt).matches("\\d{4} \\d{4} \\d{4} \\d{4}");
                assertThat(person.driver().manage().getCookies()).as("no cookie, before or after").isEmpty();
                person.screenshot("public-request-receipt");
                return receipt;
            });
        }

        String caseUrl;
        try (Browser staff = new Browser()) {
            caseUrl = step(staff, "public-request-register", () -> {
                new LoginPage(staff).logIn("amira.caseworker", "Demo-Caseworker-1");
                staff.open("app/mail-intake.xhtml");
                By row = By.xpath("//tr[.//bdi[contains(., '" + run + "')]]");
                assertThat(staff.visible(row).getText()).contains("Web form")
                        .contains(hostileName);
                staff.clickable(By.xpath("//tr[.//bdi[contains(., '" + run + "')]]//button[.//span[text()='Read']]"))
                        .click();
                String answers = staff.visible(By.id("webForm")).getText();
                assertThat(answers).contains("<i>بيروت</i>", "<script>alert('signal')</script>", "a phone call");
                assertThat(staff.visible(By.id("message")).getText()).contains("<img src=x onerror=alert(1)>");
                staff.clickable(By.xpath("//tr[.//bdi[contains(., '" + run + "')]]//a[contains(@href, 'draft=')]"))
                        .click();
                staff.urlContains("/app/intake.xhtml");
                assertThat(staff.visible(By.id("intake:pseudonym")).getAttribute("value")).isEqualTo(hostileName);
                staff.type("intake:legalName", "ليلى حداد");
                staff.choose("intake:situation", "Still in the country of danger");
                staff.clickable(By.cssSelector("[id='intake:consent'] .ui-chkbox-box")).click();
                staff.clickable(By.id("intake:register")).click();
                staff.urlContains("/app/case.xhtml?id=");
                String url = staff.driver().getCurrentUrl();
                assertThat(staff.visible(By.id("pseudonymValue")).getText()).isEqualTo(hostileName);
                assertThat(staff.visible(By.id("documents")).getText()).contains("صورة-التهديد-", ".png",
                        "sent by the person");
                staff.type("requesterMessageForm:requesterMessageText", "هل يمكنك الوصول إلى مكان آمن الليلة؟ " + run
                        + " <b>tonight</b>");
                staff.clickable(By.id("requesterMessageForm:sendRequesterMessage")).click();
                staff.textPresent(By.id("messages"), "Message saved");
                staff.textPresent(By.id("requesterMessages"), "مكان آمن");
                Axe.assertClean(staff, "case-requester-messages");
                return url;
            });
        }

        try (Browser person = Browser.withoutJavaScript().fromAddress("192.0.2.10")) {
            step(person, "public-request-back", () -> {
                person.open("request/status.xhtml?lang=ar");
                person.type("code", code);
                person.clickable(By.id("check")).click();
                person.textPresent(By.id("messages"), "مكان آمن الليلة؟ " + run);
                assertThat(person.visible(By.id("state")).getText()).contains("قيد النظر");
                assertThat(person.driver().getPageSource()).doesNotContain(code);
                assertThat(person.visible(By.id("messages")).getText()).as("markup shown as text").contains("<b>tonight</b>");
                assertThat(person.driver().findElements(By.cssSelector("#messages b"))).isEmpty();
                person.type("answer", "نعم، عند صديقة. " + run + " <script>alert(2)</script>");
                person.clickable(By.id("sendAnswer")).click();
                person.visible(By.id("answered"));
                person.textPresent(By.id("messages"), "عند صديقة");
                person.screenshot("public-request-messages-ar");
                assertThat(person.driver().manage().getCookies()).isEmpty();
                return null;
            });
        }

        try (Browser staff = new Browser()) {
            step(staff, "public-request-answer", () -> {
                new LoginPage(staff).logIn("amira.caseworker", "Demo-Caseworker-1");
                staff.driver().get(caseUrl);
                staff.textPresent(By.id("requesterMessages"), "عند صديقة. " + run + " <script>alert(2)</script>");
                staff.textPresent(By.id("timeline"), "Answer received from the person");
                staff.screenshot("case-requester-answer");
                return null;
            });
        }
    }

    @Test
    void theQuickExitLeavesAndTakesThePageOutOfTheHistory() throws Exception {
        try (Browser person = new Browser()) {
            step(person, "quick-exit", () -> {
                person.open("request/status.xhtml?lang=fa");
                Axe.assertClean(person, "public-status-fa");
                person.open("login.xhtml");
                person.open("request/?lang=fr");
                Axe.assertClean(person, "public-request-fr");
                person.visible(By.id("quickExit")).click();
                person.urlContains("exit.continuum.test");
                person.driver().navigate().back();
                person.urlContains("/login.xhtml");
                assertThat(person.driver().getCurrentUrl()).doesNotContain("/request/");
                return null;
            });
        }
    }

    @Test
    void aFloodFromOneAddressIsToldToComeBackLater() throws Exception {
        try (Browser person = Browser.withoutJavaScript().fromAddress("192.0.2.20")) {
            step(person, "public-flood", () -> {
                int accepted = 0;
                boolean refused = false;
                while (!refused && accepted < 10) {
                    person.open("request/?lang=en");
                    fill(person, "Flood", "Flood");
                    send(person);
                    if (person.driver().findElements(By.id("receiptCode")).isEmpty()) {
                        assertThat(person.visible(By.id("problems")).getText())
                                .contains("Too many requests were sent from here").contains("Nothing was stored");
                        refused = true;
                    } else {
                        accepted++;
                    }
                }
                assertThat(refused).isTrue();
                assertThat(accepted).as("five an hour from one address").isEqualTo(5);
                person.screenshot("public-flood-refused");
                return null;
            });
        }
    }
}
