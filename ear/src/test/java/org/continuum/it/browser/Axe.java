package org.continuum.it.browser;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** axe-core's WCAG 2.2 A and AA rules on the page the browser shows (A1), for every browser test to call. */
final class Axe {

    /** The rule sets of WCAG 2.0, 2.1 and 2.2 at levels A and AA, as axe-core tags them. */
    static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    static final Set<String> BLOCKING = Set.of("serious", "critical");

    private Axe() {
    }

    /**
     * The rules, run in the page itself (axe-core's legacy mode): our pages have no frames, so the default's second
     * window, opened per analysis to merge the results of frames, would only cost time. Only violations come back;
     * passes and inapplicable rules are not read.
     */
    private static AxeBuilder builder() {
        AxeRunOptions options = new AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        // The options first: withTags writes into them (withOptions after it would drop the tags).
        return new AxeBuilder().withOptions(options).withTags(WCAG_AA).setLegacyMode(true);
    }

    /** The serious and critical violations on the current page, one line per element. */
    static List<String> violations(Browser browser) {
        browser.visible(By.tagName("main"));
        Results results = builder().analyze(browser.driver());
        assertThat(results.isErrored()).as("axe-core ran on " + browser.driver().getCurrentUrl()).isFalse();
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if (BLOCKING.contains(rule.getImpact())) {
                for (CheckedNode node : rule.getNodes()) {
                    found.add(rule.getImpact() + " " + rule.getId() + " at " + node.getTarget() + ": "
                            + abbreviate(node.getHtml()));
                }
            }
        }
        return found;
    }

    /** Fails with the violations when the current page has a serious or critical one. */
    static void assertClean(Browser browser, String page) {
        List<String> found = violations(browser);
        System.out.println("A1: axe-core on " + page + ": " + found.size() + " serious or critical");
        assertThat(found).as("serious or critical WCAG 2.2 AA violations on " + page).isEmpty();
    }

    private static String abbreviate(String html) {
        return html == null || html.length() <= 160 ? html : html.substring(0, 160) + "…";
    }
}
