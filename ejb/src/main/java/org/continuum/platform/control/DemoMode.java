package org.continuum.platform.control;

/**
 * Whether this server runs the public demo ({@code -Dcontinuum.demo=true}, set by {@code run.sh} only). What the
 * demo makes easy (published passwords, codes shown on the login page) exists only while this is on, and a start
 * with it off refuses any demo account that could still log in.
 */
public final class DemoMode {

    public static final String PROPERTY = "continuum.demo";

    private DemoMode() {
    }

    public static boolean on() {
        return Boolean.getBoolean(PROPERTY);
    }
}
