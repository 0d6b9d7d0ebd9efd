package org.continuum.it.browser;

import org.continuum.it.Poll;
import org.continuum.platform.control.EmbeddedDatabaseGuard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.continuum.it.browser.Steps.step;

/**
 * A real first start, as an organisation installs Continuum: its own WildFly (the provisioned server, a fresh
 * configuration, the EAR as built) on an empty database, without demo data. The server prints a one-time link; the
 * test reads it from the console as an IT volunteer would, opens it in Chromium, creates the first administrator,
 * who must enrol a second factor (the test reads the secret on the page and computes the codes) before reaching the
 * accounts page, where no other account exists. The link works once. This server's absolute session lifetime is
 * shortened to 25 seconds: the administrator's session ends then, however active. The server is stopped by its
 * process id.
 */
class FirstStartBrowserIT {

    private static final int OFFSET = 200;
    private static final String BASE = "http://127.0.0.1:" + (8080 + OFFSET) + "/continuum/";
    private static final Duration LIFETIME = Duration.ofSeconds(25);
    private static Path home;
    private static Process server;
    private static Path console;

    @BeforeAll
    static void startAProductionServerOnAnEmptyDatabase() throws Exception {
        Path provisioned = Path.of(System.getProperty("jboss.home", "target/server"));
        home = Files.createTempDirectory("continuum-first-start");
        Path base = home.resolve("base");
        Path data = home.resolve("data");
        copy(provisioned.resolve("standalone/configuration"), base.resolve("configuration"));
        // The test server may hold a deployment of its own right now (kept between test classes): this server
        // deploys from its deployments folder only, as an administrator's would.
        Path config = base.resolve("configuration/standalone.xml");
        Files.writeString(config, Files.readString(config).replaceAll("(?s)<deployments>.*?</deployments>", ""));
        Files.createDirectories(base.resolve("deployments"));
        Files.createDirectories(data);
        Files.copy(Path.of(System.getProperty("continuum.ear", "target/continuum.ear")),
                base.resolve("deployments/continuum.ear"));
        console = home.resolve("console.log");
        ProcessBuilder builder = new ProcessBuilder(provisioned.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base, "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
                "-Djboss.socket.binding.port-offset=" + OFFSET,
                "-Dcontinuum.data.dir=" + data,
                "-Dcontinuum.db.url=jdbc:h2:file:" + data + "/db/continuum;LOCK_TIMEOUT=10000;OPTIMIZE_REUSE_RESULTS=FALSE"
                        + ";WRITE_DELAY=0",
                // Production on the embedded database, acknowledged (without it the server refuses to start).
                "-D" + EmbeddedDatabaseGuard.ACKNOWLEDGED + "=true",
                "-Dcontinuum.baseUrl=" + BASE.substring(0, BASE.length() - 1),
                "-Djboss.mail.server.port=" + (3025 + OFFSET),
                // A shortened absolute session lifetime, so the test sees a real session end after it.
                "-Dcontinuum.session.maxLifetime=PT" + LIFETIME.toSeconds() + "S")
                .redirectErrorStream(true).redirectOutput(console.toFile());
        builder.environment().put("JAVA_OPTS", "-Xms128m -Xmx768m");
        // A production server needs the passphrase of its master key, from the environment (never a -D value).
        builder.environment().put("CONTINUUM_KEYS_PASSPHRASE", "first-start " + java.util.UUID.randomUUID());
        server = builder.start();
        Path deployed = base.resolve("deployments/continuum.ear.deployed");
        Path failed = base.resolve("deployments/continuum.ear.failed");
        assertThat(Poll.until(Duration.ofSeconds(240), () -> Files.exists(deployed) || Files.exists(failed)
                || !server.isAlive())).as("the server started").isTrue();
        assertThat(deployed).as("deployed; see " + console).exists();
    }

    @AfterAll
    static void stopIt() throws Exception {
        if (server != null) {
            // standalone.sh and the JVM it started: stopped by process id, never by name.
            List<ProcessHandle> tree = Stream.concat(server.descendants(), Stream.of(server.toHandle())).toList();
            tree.forEach(ProcessHandle::destroy);
            for (ProcessHandle p : tree) {
                p.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
        if (home != null) {
            try (Stream<Path> all = Files.walk(home)) {
                all.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void theOneTimeLinkCreatesTheFirstAdministratorWhoEnrolsBeforeAnythingElse() throws Exception {
        String log = Files.readString(console);
        Matcher link = Pattern.compile(Pattern.quote(BASE) + "bootstrap\\.xhtml\\?token=([A-Za-z0-9_-]+)").matcher(log);
        assertThat(link.find()).as("the console shows the one-time link").isTrue();
        String url = link.group();
        assertThat(log).doesNotContain("Demo accounts");
        String password = "Quiet-Harbour-Founder-" + System.nanoTime() % 1000;
        Instant[] loggedIn = new Instant[1];
        try (Browser founder = new Browser(BASE)) {
            step(founder, "first-start-login-page", () -> {
                founder.open("login.xhtml");
                founder.type("login:username", "admin");
                founder.type("login:password", "Demo-Admin-2026!");
                founder.clickable(By.id("login:submit")).click();
                founder.textPresent(By.id("messages"), "Login failed");
                return null;
            });
            step(founder, "first-start-bootstrap", () -> {
                founder.driver().get(url);
                founder.type("bootstrap:username", "rana.founder");
                founder.type("bootstrap:displayName", "رنا المؤسسة");
                founder.type("bootstrap:email", "it@ngo.example");
                founder.type("bootstrap:password", "short");
                founder.clickable(By.id("bootstrap:create")).click();
                founder.visible(By.id("messages"));
                founder.type("bootstrap:password", password);
                founder.screenshot("first-start-bootstrap");
                founder.clickable(By.id("bootstrap:create")).click();
                founder.urlContains("login.xhtml");
                return null;
            });
            step(founder, "first-start-enrol", () -> {
                LoginPage login = new LoginPage(founder);
                login.password("rana.founder", password);
                founder.screenshot("first-start-enrol");
                LoginPage.Enrolled enrolled = login.enrol();
                assertThat(founder.driver().getPageSource()).as("no demo code on a real server")
                        .doesNotContain("demoCode");
                login.codeAfter(enrolled);
                founder.urlContains("/app/");
                loggedIn[0] = Instant.now();
                founder.open("app/accounts.xhtml");
                String accounts = founder.visible(By.id("accounts")).getText();
                assertThat(accounts).contains("rana.founder").doesNotContain("amira.caseworker")
                        .doesNotContain("admin ");
                founder.screenshot("first-start-accounts");
                return null;
            });
            step(founder, "first-start-lifetime", () -> {
                // Busy all along (a request every few seconds), the session still ends at its absolute lifetime.
                Instant lastBusy = loggedIn[0].plus(LIFETIME).minusSeconds(5);
                Instant[] nextRequest = {Instant.now()};
                assertThat(Poll.until(LIFETIME, () -> {
                    if (!Instant.now().isBefore(nextRequest[0])) {
                        founder.open("app/accounts.xhtml");
                        assertThat(founder.driver().getCurrentUrl()).contains("/app/accounts.xhtml");
                        nextRequest[0] = Instant.now().plusSeconds(5);
                    }
                    return !Instant.now().isBefore(lastBusy);
                })).as("kept busy until just before the lifetime").isTrue();
                Instant ended = loggedIn[0].plus(LIFETIME).plusSeconds(2);
                assertThat(Poll.until(Duration.ofSeconds(20), () -> !Instant.now().isBefore(ended))).isTrue();
                founder.open("app/accounts.xhtml");
                founder.urlContains("login.xhtml");
                assertThat(founder.visible(By.id("sessionEnded")).getText()).isNotBlank();
                return null;
            });
        }
        try (Browser second = new Browser(BASE)) {
            step(second, "first-start-link-used", () -> {
                second.driver().get(url);
                second.type("bootstrap:username", "second.founder");
                second.type("bootstrap:displayName", "Someone else");
                second.type("bootstrap:password", "Another-Long-Password-77");
                second.clickable(By.id("bootstrap:create")).click();
                second.visible(By.cssSelector("#messages .message-error"));
                assertThat(second.driver().getCurrentUrl()).as("the link works once").doesNotContain("login.xhtml");
                return null;
            });
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
