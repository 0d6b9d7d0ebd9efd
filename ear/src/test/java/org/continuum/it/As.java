package org.continuum.it;

import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.authz.RoleMapper;
import org.wildfly.security.authz.Roles;

import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;

/**
 * Runs test code as a staff member, the way the login does it: an identity of the deployment's security domain
 * carrying the user's name and roles. The boundaries then apply their real role checks and need-to-know rules.
 */
public final class As {

    private As() {
    }

    public static <T> T user(String username, String role, PrivilegedExceptionAction<T> work) throws Exception {
        return user(domain(), username, role, work);
    }

    /** The deployment's security domain, to hand to threads the test starts (they do not inherit it). */
    public static SecurityDomain domain() {
        SecurityDomain domain = SecurityDomain.getCurrent();
        if (domain == null) {
            throw new IllegalStateException("No security domain: the test is not running inside the WAR");
        }
        return domain;
    }

    public static <T> T user(SecurityDomain domain, String username, String role, PrivilegedExceptionAction<T> work)
            throws Exception {
        SecurityIdentity identity = domain.createAdHocIdentity(username)
                .withDefaultRoleMapper(RoleMapper.constant(Roles.of(role)));
        try {
            return identity.runAs(work);
        } catch (PrivilegedActionException e) {
            throw e.getException();
        }
    }

    /** The same for a person holding several roles, as the login gives them all. */
    public static <T> T user(String username, java.util.Set<String> roles, PrivilegedExceptionAction<T> work)
            throws Exception {
        SecurityIdentity identity = domain().createAdHocIdentity(username)
                .withDefaultRoleMapper(RoleMapper.constant(Roles.fromSet(roles)));
        try {
            return identity.runAs(work);
        } catch (PrivilegedActionException e) {
            throw e.getException();
        }
    }

    public static void run(String username, String role, ThrowingRunnable work) throws Exception {
        user(username, role, () -> {
            work.run();
            return null;
        });
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
