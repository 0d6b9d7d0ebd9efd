package org.continuum.identity.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.continuum.identity.boundary.AuthenticationService;

/**
 * Jakarta Security identity store backed by {@link AuthenticationService}: the boundary decides (ticket, code,
 * replay, lockout, audit); this class only translates its answer. The caller's groups are its role names. A
 * username and password alone are not a credential here: they only earn the ticket of the second step.
 */
@ApplicationScoped
public class ContinuumIdentityStore implements IdentityStore {

    @Inject
    AuthenticationService authentication;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof SecondStepCredential step)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return authentication.code(step.username(), step.ticket(), step.code(), step.clientAddress())
                .map(user -> new CredentialValidationResult(user.username(), user.groups()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
