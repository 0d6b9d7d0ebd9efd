package org.continuum.intake.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.identity.control.Caller;
import org.continuum.casefile.control.CaseFileRegistrar;
import org.continuum.casefile.control.IntakeRequest;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.control.Roles;
import org.continuum.identity.entity.UserAccount;

/** Registers intakes. The new case file belongs to the registering caseworker's team. */
@Stateless
@RolesAllowed({Roles.CASEWORKER, Roles.COORDINATOR})
public class IntakeService {

    @Inject
    Caller currentCaller;

    @Inject
    CaseFileRegistrar registrar;

    /** Returns the new case file's id and reference. */
    public Registered register(IntakeRequest request) {
        if (request == null) {
            throw new InvalidInput("intake.missing");
        }
        UserAccount caller = currentCaller.account();
        if (caller.getTeam() == null) {
            throw new InvalidInput("intake.noTeam");
        }
        var caseFile = registrar.register(request, caller.getTeam(), caller.getUsername());
        return new Registered(caseFile.getId(), caseFile.getReference());
    }

    public record Registered(long caseFileId, String reference) {
    }
}
