package org.continuum.identity.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.continuum.identity.boundary.AuthenticationService;

/**
 * Jakarta Security identity store backed by {@link AuthenticationService}: the boundary decides (hash check,
 * lockout, audit); this class only translates its answer. The caller's groups are its role names.
 */
@ApplicationScoped
public class ContinuumIdentityStore implements IdentityStore {

    @Inject
    AuthenticationService authentication;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return authentication.authenticate(login.getCaller(), login.getPassword().getValue())
                .map(user -> new CredentialValidationResult(user.username(), user.groups()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
