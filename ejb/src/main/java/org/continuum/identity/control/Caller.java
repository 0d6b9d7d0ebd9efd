package org.continuum.identity.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.continuum.identity.entity.UserAccount;

import java.security.Principal;

/**
 * The person calling the current boundary method, as their account. Boundaries inject it instead of reading the
 * caller principal themselves. The container's {@link Principal} follows the current invocation, so this bean is
 * safe to hold in a pooled session bean. An authenticated principal without an active account (disabled or deleted
 * since login) is refused.
 */
@Dependent
public class Caller {

    @Inject
    Principal principal;

    @Inject
    Staff staff;

    public UserAccount account() {
        return staff.caller(principal == null ? null : principal.getName());
    }

    /** The caller's username, for the audit trail; refused like {@link #account()} for an inactive account. */
    public String username() {
        return account().getUsername();
    }
}
