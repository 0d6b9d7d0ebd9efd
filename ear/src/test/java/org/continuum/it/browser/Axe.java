package org.continuum.it.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** axe-core's WCAG 2.2 A and AA rules on the page the browser shows (A1), for every browser test to call. */
final class Axe {

    /** The rule sets of WCAG 2.0, 2.1 and 2.2 at levels A and AA, as axe-core tags them. */
    static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    static final Set<String> BLOCKING = Set.of("serious", "critical");

    /** axe-core itself, as Deque's Selenium artifact ships it (the version the README names). */
    private static final String SOURCE = source();

    /**
     * The rules, run in the page itself: our pages have no frames. Only the serious and critical violations come
     * back, one line per element, so no result of a passing or inapplicable rule crosses the driver.
     */
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            const tags = arguments[0], blocking = arguments[1];
            axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']}).then(
                results => done({found: results.violations.filter(v => blocking.includes(v.impact)).flatMap(v =>
                    v.nodes.map(n => v.impact + ' ' + v.id + ' at ' + JSON.stringify(n.target) + ': '
                        + (n.html.length <= 160 ? n.html : n.html.substring(0, 160) + '\u2026')))}),
                error => done({error: String(error)}));
            """;

    private Axe() {
    }

    private static String source() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
            assertThat(in).as("axe.min.js on the test class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The serious and critical violations on the current page, one line per element. */
    static List<String> violations(Browser browser) {
        browser.visible(By.tagName("main"));
        JavascriptExecutor page = (JavascriptExecutor) browser.driver();
        // Once per page view: a page that is left takes axe with it.
        assertThat(page.executeScript(SOURCE + "\n;return typeof axe.run;")).as("axe-core in the page")
                .isEqualTo("function");
        @SuppressWarnings("unchecked")
        Map<String, Object> outcome = (Map<String, Object>) page.executeAsyncScript(RUN, WCAG_AA,
                List.copyOf(BLOCKING));
        assertThat(outcome.get("error")).as("axe-core ran on " + browser.driver().getCurrentUrl()).isNull();
        List<String> found = new ArrayList<>();
        for (Object line : (List<?>) outcome.get("found")) {
            found.add(String.valueOf(line));
        }
        return found;
    }

    /** Fails with the violations when the current page has a serious or critical one. */
    static void assertClean(Browser browser, String page) {
        List<String> found = violations(browser);
        System.out.println("A1: axe-core on " + page + ": " + found.size() + " serious or critical");
        assertThat(found).as("serious or critical WCAG 2.2 AA violations on " + page).isEmpty();
    }
}
