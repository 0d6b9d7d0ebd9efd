package org.continuum.intake.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.casefile.control.CaseFileRegistrar;
import org.continuum.casefile.control.IntakeRequest;
import org.continuum.casefile.control.InvalidInput;
import org.continuum.identity.control.Staff;
import org.continuum.identity.entity.Roles;
import org.continuum.identity.entity.UserAccount;

/** Registers intakes. The new case file belongs to the registering caseworker's team. */
@Stateless
@RolesAllowed({Roles.CASEWORKER, Roles.COORDINATOR})
public class IntakeService {

    @Resource
    SessionContext context;

    @Inject
    Staff staff;

    @Inject
    CaseFileRegistrar registrar;

    /** Returns the new case file's id and reference. */
    public Registered register(IntakeRequest request) {
        if (request == null) {
            throw new InvalidInput("intake.missing");
        }
        UserAccount caller = staff.caller(context.getCallerPrincipal().getName());
        if (caller.getTeam() == null) {
            throw new InvalidInput("intake.noTeam");
        }
        var caseFile = registrar.register(request, caller.getTeam(), caller.getUsername());
        return new Registered(caseFile.getId(), caseFile.getReference());
    }

    public record Registered(long caseFileId, String reference) {
    }
}
