package org.continuum.platform.control;

/**
 * Role names as compile-time constants for {@code @RolesAllowed}. {@link #SYSTEM} is never given to a person:
 * only code that runs on the application's own behalf (process delegates) carries it, through {@code @RunAs}.
 */
public final class Roles {
    public static final String CASEWORKER = "CASEWORKER";
    public static final String SECURITY_MENTOR = "SECURITY_MENTOR";
    public static final String COORDINATOR = "COORDINATOR";
    public static final String AUDITOR = "AUDITOR";
    public static final String ADMIN = "ADMIN";
    public static final String SYSTEM = "SYSTEM";

    /** The actor written in the timeline and the audit trail when the application acts on its own (timers, mail). */
    public static final String SYSTEM_ACTOR = "system";

    private Roles() {
    }
}
