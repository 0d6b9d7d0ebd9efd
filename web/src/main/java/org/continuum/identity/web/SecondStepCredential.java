package org.continuum.identity.web;

import jakarta.security.enterprise.credential.Credential;

/**
 * The only credential that logs anyone in: the username, the ticket its password earned a few minutes earlier, and
 * a code of its second factor (or a recovery code). The ticket lives in the server-side session, never in a page.
 */
public record SecondStepCredential(String username, String ticket, String code, String clientAddress)
        implements Credential {

    @Override
    public String toString() {
        return "SecondStepCredential[" + username + "]";
    }
}
