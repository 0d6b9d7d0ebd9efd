package org.continuum.it.browser;

/** One person's part of a browser journey; a failure leaves a screenshot named after the step. */
final class Steps {

    private Steps() {
    }

    interface Step<T> {
        T run() throws Exception;
    }

    static <T> T step(Browser browser, String name, Step<T> step) throws Exception {
        try {
            return step.run();
        } catch (RuntimeException | AssertionError failed) {
            browser.screenshot(name + "-failure");
            throw failed;
        }
    }
}
