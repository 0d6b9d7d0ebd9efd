package org.continuum.it.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/** Debian's headless Chromium, set up as STACK.md prescribes (pitfall 9), plus the waits every page object needs. */
public final class Browser implements AutoCloseable {

    /**
     * Browsers closed by a test and cleaned for the next one (see {@link #close}): a Chromium started per login cost
     * about 0.7 s, and its first page another half second with nothing in its cache.
     */
    private static final java.util.Deque<Chromium> IDLE = new java.util.ArrayDeque<>();
    private static final int MOST_IDLE = 3;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (IDLE) {
                IDLE.forEach(Chromium::quit);
                IDLE.clear();
            }
        }, "idle-chromium-quit"));
    }

    private final Chromium chromium;
    private final WebDriver driver;
    private final WebDriverWait wait;
    private final String base;
    /** Whether this browser may serve another test once closed: not when its requests carry changed headers. */
    private boolean reusable;

    /** The application on the Arquillian-managed test server (port offset from the build). */
    public static String testServerUrl() {
        return "http://127.0.0.1:" + (8080 + Integer.getInteger("it.port.offset", 0)) + "/continuum/";
    }

    public Browser() throws IOException {
        this(testServerUrl());
    }

    public Browser(String base) throws IOException {
        this(base, true);
    }

    /** A browser with page scripts switched off, as Tor Browser's safest mode runs (the public pages must work). */
    public static Browser withoutJavaScript() throws IOException {
        Browser browser = new Browser(testServerUrl(), false);
        // Checked, not assumed: a page whose script would change a word keeps it.
        browser.driver.get("data:text/html,<p id=p>off</p>"
                + "<script>document.getElementById('p').textContent='on'</script>");
        String shown = browser.driver.findElement(By.id("p")).getText();
        if (!"off".equals(shown)) {
            browser.close();
            throw new IllegalStateException("page scripts still run in the browser without JavaScript");
        }
        return browser;
    }

    private Browser(String base, boolean javaScript) throws IOException {
        this.base = base;
        Chromium idle = null;
        if (javaScript) {
            synchronized (IDLE) {
                idle = IDLE.pollFirst();
            }
        }
        this.chromium = idle != null ? idle : Chromium.start(javaScript);
        this.reusable = javaScript;
        this.driver = chromium.driver();
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** One Chromium with its driver, its temporary profile and its downloads folder. */
    private record Chromium(ChromeDriver driver, Path profile, Path downloads) {

        static Chromium start(boolean javaScript) throws IOException {
            Path profile = Files.createTempDirectory("continuum-chromium");
            Path downloads = Files.createDirectories(profile.resolve("downloads"));
            ChromeOptions options = new ChromeOptions();
            options.setExperimentalOption("prefs", java.util.Map.of(
                    "download.default_directory", downloads.toString(), "download.prompt_for_download", false,
                    "profile.managed_default_content_settings.javascript", javaScript ? 1 : 2));
            String binary = binary();
            options.setBinary(binary);
            if (!binary.endsWith("headless-shell")) {
                // The shell takes its profile from the driver (a temporary one it removes); given a folder, it opens
                // no first page and the driver finds nothing to attach to.
                options.addArguments("--user-data-dir=" + profile);
            }
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--window-size=1400,1100", "--lang=en",
                    // As a person who asks their system for less motion: PrimeFaces then opens menus, panels and
                    // dialogs without their slide and fade (its own rule), so no test waits for an animation to end.
                    "--force-prefers-reduced-motion",
                    // Nothing a test looks at runs in the background: no extensions, no translation offers, no timers
                    // slowed down in a tab that is not in front.
                    "--disable-extensions", "--disable-features=Translate,OptimizationHints,MediaRouter",
                    "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--mute-audio");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingPort(ephemeralPort()).build();
            ChromeDriver driver = new ChromeDriver(service, options);
            // Downloads go to this browser's folder (the headless shell takes this command, not the profile's
            // prefs).
            driver.executeCdpCommand("Browser.setDownloadBehavior",
                    java.util.Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            if (!javaScript) {
                // The content setting alone does not reach the headless shell; the page's own switch does, every
                // page.
                driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", java.util.Map.of("value", true));
            }
            return new Chromium(driver, profile, downloads);
        }

        /**
         * Leaves nothing of the last test for the next: no dialog, no cookie of any site, nothing in the storage of
         * the site it was opened on, no download, a new tab (so no history and no session storage). The HTTP cache
         * stays: it holds only the application's static resources, as pages are sent with {@code no-store}. False
         * when the browser could not be cleaned.
         */
        boolean cleaned(String base) {
            try {
                ChromeDriver chrome = driver;
                try {
                    chrome.switchTo().alert().dismiss();
                } catch (org.openqa.selenium.NoAlertPresentException none) {
                    // the usual case
                }
                String fresh = chrome.switchTo().newWindow(org.openqa.selenium.WindowType.TAB).getWindowHandle();
                for (String handle : chrome.getWindowHandles()) {
                    if (!handle.equals(fresh)) {
                        chrome.switchTo().window(handle).close();
                    }
                }
                chrome.switchTo().window(fresh);
                chrome.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
                java.net.URI site = java.net.URI.create(base);
                chrome.executeCdpCommand("Storage.clearDataForOrigin", java.util.Map.of("origin",
                        site.getScheme() + "://" + site.getAuthority(), "storageTypes", "all"));
                // Every cookie of every site, not only those of the blank page now shown.
                Object left = chrome.executeCdpCommand("Storage.getCookies", java.util.Map.of());
                if (!(left instanceof java.util.Map<?, ?> answer)
                        || !(answer.get("cookies") instanceof java.util.List<?> cookies) || !cookies.isEmpty()) {
                    return false;
                }
                try (var files = Files.list(downloads)) {
                    for (Path file : files.toList()) {
                        Files.delete(file);
                    }
                }
                return true;
            } catch (RuntimeException | IOException e) {
                return false;
            }
        }

        void quit() {
            try {
                driver.quit();
            } finally {
                try (var files = Files.walk(profile)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    // a temporary folder left behind; nothing a later test reads
                }
            }
        }
    }

    /**
     * Debian's headless shell of the same Chromium (package chromium-headless-shell, which test.sh installs): the
     * same Blink and V8 without the browser's window layer, 12-14 % less time per browser test on two cores. The
     * full browser where the shell is missing.
     */
    private static String binary() {
        Path shell = Path.of("/usr/lib/chromium/chromium-headless-shell");
        return Files.isExecutable(shell) ? shell.toString() : "/usr/bin/chromium";
    }

    /**
     * Every later request says it comes from {@code address} through the TLS proxy (the test server trusts the
     * proxy's header), so limits per address in one test never touch another's.
     */
    public Browser fromAddress(String address) {
        reusable = false;
        chromium.driver().executeCdpCommand("Network.enable", java.util.Map.of());
        chromium.driver().executeCdpCommand("Network.setExtraHTTPHeaders",
                java.util.Map.of("headers", java.util.Map.of("X-Forwarded-For", address)));
        return this;
    }

    public void open(String path) {
        driver.get(base + path);
    }

    public WebDriver driver() {
        return driver;
    }

    public WebElement visible(By by) {
        return wait.until(settled(ExpectedConditions.visibilityOfElementLocated(by)));
    }

    public WebElement clickable(By by) {
        return wait.until(settled(ExpectedConditions.elementToBeClickable(by)));
    }

    /**
     * An AJAX update replaces nodes while a condition reads them. Chromium reports that either as a stale element or
     * as an inspector error ("Node with given id does not belong to the document"); both mean "look again".
     */
    private static <T> ExpectedCondition<T> settled(ExpectedCondition<T> condition) {
        return new ExpectedCondition<>() {
            @Override
            public T apply(WebDriver d) {
                try {
                    return condition.apply(d);
                } catch (StaleElementReferenceException replaced) {
                    return null;
                } catch (WebDriverException e) {
                    if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                        return null;
                    }
                    throw e;
                }
            }

            @Override
            public String toString() {
                return condition.toString();
            }
        };
    }

    /** Waits until a PrimeFaces overlay panel (menu, filter) has finished closing, so it cannot take the next click. */
    private void closed(String id) {
        wait.until(settled(ExpectedConditions.invisibilityOfElementLocated(By.id(id + "_panel"))));
    }

    /** Waits until an element is gone from the page, e.g. a table row replaced by an AJAX update. */
    public void stale(WebElement element) {
        wait.until(ExpectedConditions.stalenessOf(element));
    }

    public void urlContains(String part) {
        wait.until(ExpectedConditions.urlContains(part));
    }

    public void textPresent(By by, String text) {
        wait.until(settled(ExpectedConditions.textToBePresentInElementLocated(by, text)));
    }

    public void type(String id, String text) {
        WebElement field = visible(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /**
     * A PrimeFaces selectOneMenu: open it, then pick the item by its visible label. A click that lands while the
     * panel is still sliding open can miss, so the choice is checked on the menu's label and retried.
     */
    public void choose(String id, String label) {
        pick(id, label, null);
    }

    /**
     * A PrimeFaces selectOneMenu with a filter box: type to narrow, then pick. The list re-renders while it filters,
     * so a click can land on a neighbour: checked and retried the same way.
     */
    public void chooseFiltered(String id, String filter, String label) {
        pick(id, label, label.startsWith(filter) ? label : filter);
    }

    private void pick(String id, String label, String filter) {
        By item = By.cssSelector("[id='" + id + "_panel'] li[data-label=\"" + label + "\"]");
        WebDriverWait shortWait = new WebDriverWait(driver, Duration.ofSeconds(3));
        for (int attempt = 1; ; attempt++) {
            if (!driver.findElement(By.id(id + "_panel")).isDisplayed()) {
                clickable(By.id(id)).click();
            }
            if (filter != null) {
                WebElement box = visible(By.id(id + "_filter"));
                box.clear();
                box.sendKeys(filter);
            }
            try {
                // A long list scrolls inside its panel: bring the item into view, or another element takes the click.
                WebElement choice = visible(item);
                ((JavascriptExecutor) driver).executeScript(
                        "arguments[0].scrollIntoView({block: 'nearest'});", choice);
                clickable(item).click();
                shortWait.until(settled(ExpectedConditions.textToBePresentInElementLocated(By.id(id + "_label"),
                        label)));
                closed(id);
                return;
            } catch (TimeoutException | ElementClickInterceptedException missed) {
                if (attempt == 3) {
                    throw missed;
                }
            }
        }
    }

    /** A PrimeFaces selectCheckboxMenu: tick the items with these values, then close the panel. */
    public void tick(String id, String... values) {
        clickable(By.id(id)).click();
        for (String value : values) {
            clickable(By.cssSelector("[id='" + id + "_panel'] li[data-item-value='" + value + "'] .ui-chkbox-box"))
                    .click();
        }
        clickable(By.cssSelector("[id='" + id + "_panel'] .ui-selectcheckboxmenu-close")).click();
        closed(id);
    }

    /** Waits for the file a click started to download, and returns it (the browser's folder goes with it). */
    public Path downloaded(String suffix) {
        wait.until(d -> {
            try (var files = Files.list(chromium.downloads())) {
                return files.anyMatch(f -> f.toString().endsWith(suffix));
            } catch (IOException e) {
                return false;
            }
        });
        try (var files = Files.list(chromium.downloads())) {
            return files.filter(f -> f.toString().endsWith(suffix)).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public Path screenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        Path target = dir.resolve(name + ".png");
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @Override
    public void close() throws IOException {
        if (reusable && chromium.cleaned(base)) {
            synchronized (IDLE) {
                if (IDLE.size() < MOST_IDLE) {
                    IDLE.addFirst(chromium);
                    return;
                }
            }
        }
        chromium.quit();
    }

    /**
     * A free port from the kernel's ephemeral range (32768 and up here) for the driver. Selenium's own choice
     * ({@code usingAnyFreePort}) draws at random from 1024 up to that range, where the tests' fixed ports live (the
     * mail servers' 3125 and 3243, the server's 8180): in one run the mail intake test found 3243 taken while nothing
     * but the test run was up, most likely by a driver the browser tests had kept open.
     */
    private static int ephemeralPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port for the browser's driver", e);
        }
    }
}
