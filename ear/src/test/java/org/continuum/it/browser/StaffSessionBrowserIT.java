package org.continuum.it.browser;

import org.continuum.it.DemoCodes;
import org.continuum.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session as a user lives it: the id changes at login, the language switches, a typed URL to another team's
 * case file shows nothing of it, logout ends the session; and every response carries the security headers.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StaffSessionBrowserIT {

    static final String SESSION_COOKIE = "CONTINUUM_SESSION";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.asBuilt();
    }


    @Test
    void sessionIdRotatesAtLoginAndDiesAtLogout() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open("login.xhtml");
            browser.visible(By.id("login:username"));
            Cookie before = browser.driver().manage().getCookieNamed(SESSION_COOKIE);
            assertThat(before).as("a session exists before login").isNotNull();
            assertThat(before.isHttpOnly()).isTrue();
            assertThat(before.getSameSite()).isEqualTo("Strict");

            LoginPage login = new LoginPage(browser);
            login.password("ivan.caseworker", "Demo-Caseworker-2");
            browser.visible(By.id("code:value"));
            assertThat(browser.driver().getCurrentUrl()).as("a password alone logs nobody in").contains("login.xhtml");
            assertThat(browser.visible(By.id("demoCode")).getText()).as("the demo server shows the current code")
                    .matches("\\d{6}");
            login.code("ivan.caseworker");
            browser.urlContains("/app/dashboard.xhtml");
            Cookie after = browser.driver().manage().getCookieNamed(SESSION_COOKIE);
            assertThat(after.getValue()).as("session id changed at login").isNotEqualTo(before.getValue());

            browser.clickable(By.id("logoutForm:logout")).click();
            browser.urlContains("login.xhtml");
            browser.open("app/cases.xhtml");
            browser.urlContains("login.xhtml");
        }
    }

    /**
     * A new colleague's first login: the password leads to the enrolment (nothing else is reachable), the app is set
     * up from the key shown, ten recovery codes are shown once, and the login finishes with the app's next code.
     */
    @Test
    void aNewColleagueEnrolsTheSecondFactorAtFirstLogin() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open("app/tasks.xhtml");
            new LoginPage(browser).password("lea.caseworker", "Demo-Newcomer-2026");
            String secret = browser.visible(By.id("secret")).getText().replace(" ", "");
            assertThat(secret).matches("[A-Z2-7]{32}");
            assertThat(browser.driver().findElements(By.cssSelector(".qr-code svg rect")))
                    .as("a QR code drawn module by module").hasSizeGreaterThan(200);
            browser.screenshot("login-enrolment");
            browser.open("app/cases.xhtml");
            browser.urlContains("login.xhtml");
            browser.visible(By.id("secret"));

            long enrolledStep = DemoCodes.stepOf(Instant.now());
            browser.type("enrol:value", DemoCodes.forStep(secret, enrolledStep));
            browser.clickable(By.id("enrol:submit")).click();
            browser.visible(By.cssSelector("#recoveryCodes li"));
            List<WebElement> codes = browser.driver().findElements(By.cssSelector("#recoveryCodes li"));
            assertThat(codes).hasSize(10);
            assertThat(codes.get(0).getText()).matches("[a-z2-7]{5}-[a-z2-7]{5}");
            browser.screenshot("login-recovery-codes");
            browser.clickable(By.id("recovery:submit")).click();
            browser.textPresent(By.id("messages"), "recovery codes");
            browser.clickable(By.cssSelector("[id='recovery:saved'] .ui-chkbox-box")).click();
            browser.clickable(By.id("recovery:submit")).click();

            browser.type("code:value", DemoCodes.after(secret, enrolledStep));
            browser.clickable(By.id("code:submit")).click();
            browser.urlContains("/app/dashboard.xhtml");
        }
    }

    @Test
    void typedUrlOfAnotherTeamsCaseFileShowsNothingOfIt() throws Exception {
        try (Browser browser = new Browser()) {
            new LoginPage(browser).logIn("ivan.caseworker", "Demo-Caseworker-2");
            // Case file 1 is the first demo case file, registered by the MENA team.
            browser.open("app/case.xhtml?id=1");
            browser.textPresent(By.id("messages"), "does not exist or you are not allowed");
            String page = browser.driver().getPageSource();
            assertThat(page).doesNotContain("ليلى منصور").doesNotContain("Cedar").doesNotContain("Beirut");
            browser.open("app/case.xhtml?id=not-a-number");
            browser.textPresent(By.id("messages"), "does not exist or you are not allowed");
            browser.open("app/task.xhtml?task=forged");
            browser.textPresent(By.id("messages"), "This task does not exist");
            browser.screenshot("other-team-case-refused");
        }
    }

    @Test
    void languageSwitchesToFrench() throws Exception {
        try (Browser browser = new Browser()) {
            new LoginPage(browser).logIn("claire.coordinator", "Demo-Coordinator-1");
            browser.open("app/cases.xhtml");
            new org.openqa.selenium.support.ui.Select(browser.visible(By.id("languageForm:language")))
                    .selectByValue("fr");
            browser.textPresent(By.tagName("h1"), "Dossiers");
            assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
            assertThat(browser.driver().getPageSource()).contains("Nom légal (exact)");
            browser.screenshot("case-list-fr");
        }
    }

    @Test
    void everyResponseCarriesSecurityHeadersAndErrorsShowNoInternals() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String path : new String[]{"login.xhtml", "app/cases.xhtml", "no-such-page.xhtml"}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(Browser.testServerUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            var headers = response.headers();
            assertThat(headers.firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(
                    csp -> assertThat(csp).contains("frame-ancestors 'none'", "object-src 'none'"));
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(path).contains("no-referrer");
            if (response.statusCode() == 200) {
                assertThat(headers.firstValue("Cache-Control")).as(path).hasValueSatisfying(
                        v -> assertThat(v).contains("no-store"));
            }
            assertThat(response.body()).as(path).doesNotContain("Caused by").doesNotContain("\tat ")
                    .doesNotContain(".java:").doesNotContain("SQLException");
        }
        HttpResponse<String> trace = http.send(HttpRequest.newBuilder(URI.create(Browser.testServerUrl() + "login.xhtml"))
                .method("TRACE", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(trace.statusCode()).isIn(403, 405);
    }

    /**
     * S6 behind a TLS reverse proxy (the test server runs with the switch on): a request the proxy received over TLS
     * gets a Secure, HttpOnly, SameSite=Strict session cookie and HSTS; a plain request gets neither Secure nor HSTS;
     * no response names the server software.
     */
    @Test
    void behindATlsProxyTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        URI login = URI.create(Browser.testServerUrl() + "login.xhtml");
        HttpResponse<String> viaTls = http.send(HttpRequest.newBuilder(login).header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", "203.0.113.77").build(), HttpResponse.BodyHandlers.ofString());
        String cookie = viaTls.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(SESSION_COOKIE))
                .findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict");
        assertThat(viaTls.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                v -> assertThat(v).contains("max-age=31536000"));

        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(login).build(),
                HttpResponse.BodyHandlers.ofString());
        String plainCookie = plain.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SESSION_COOKIE)).findFirst().orElseThrow();
        assertThat(plainCookie).doesNotContainIgnoringCase("Secure").containsIgnoringCase("HttpOnly");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        for (HttpResponse<String> response : java.util.List.of(viaTls, plain)) {
            assertThat(response.headers().firstValue("Server")).isEmpty();
            assertThat(response.headers().firstValue("X-Powered-By")).isEmpty();
        }
    }

    /**
     * A page of another role is refused with the neutral error page, and the refusal is audited exactly once; the
     * auditor's audit page also verifies the audit chain and exports its head.
     */
    @Test
    void aPageOfAnotherRoleIsRefusedAndTheRefusalIsAuditedOnce() throws Exception {
        try (Browser browser = new Browser()) {
            new LoginPage(browser).logIn("ivan.caseworker", "Demo-Caseworker-2");
            browser.open("app/accounts.xhtml");
            browser.textPresent(By.tagName("h1"), "Something went wrong");
            assertThat(browser.driver().findElements(By.id("accounts"))).as("no account list").isEmpty();
        }
        try (Browser browser = new Browser()) {
            new LoginPage(browser).logIn("nadia.auditor", "Demo-Auditor-2026");
            browser.open("app/audit.xhtml");
            String trail = browser.visible(By.id("events")).getText();
            assertThat(trail).contains("ACCESS_REFUSED_BY_ROLE");
            long refusals = trail.lines().filter(l -> l.contains("ivan.caseworker")
                    && l.contains("ACCESS_REFUSED_BY_ROLE") && l.contains("page=/app/accounts.xhtml")).count();
            assertThat(refusals).as("audited exactly once").isOne();
            // The same page walks the audit chain and exports its head.
            browser.clickable(By.id("chain:verify")).click();
            browser.textPresent(By.id("chain:result"), "The audit chain is intact.");
            browser.clickable(By.id("chain:export")).click();
            browser.textPresent(By.id("messages"), "mailed to the auditors");
            assertThat(browser.visible(By.id("chain:result")).getText()).contains("Rows checked:");
            browser.screenshot("audit-chain");
        }
    }
}
