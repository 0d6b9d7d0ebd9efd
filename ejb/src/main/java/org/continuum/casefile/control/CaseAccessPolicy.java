package org.continuum.casefile.control;

import org.continuum.casefile.entity.CaseFile;
import org.continuum.identity.entity.Role;
import org.continuum.identity.entity.UserAccount;

import java.util.Optional;

/**
 * Need to know, in one place. Caseworkers and coordinators see the case files of their own team; a security
 * mentor sees the case files assigned to them; auditors and administrators open no case file content. Returns
 * the reason for a refusal as a short code for the audit trail.
 */
public final class CaseAccessPolicy {

    private CaseAccessPolicy() {
    }

    public static Optional<String> refusal(UserAccount user, CaseFile caseFile) {
        if (user == null || !user.isEnabled()) {
            return Optional.of("no-active-user");
        }
        if (caseFile == null) {
            return Optional.of("not-found");
        }
        boolean teamMember = (user.hasRole(Role.CASEWORKER) || user.hasRole(Role.COORDINATOR))
                && caseFile.belongsTo(user.getTeam());
        boolean assignedMentor = user.hasRole(Role.SECURITY_MENTOR) && caseFile.isAssignedTo(user);
        if (teamMember || assignedMentor) {
            return Optional.empty();
        }
        return Optional.of(user.hasRole(Role.SECURITY_MENTOR) ? "not-assigned" : "other-team");
    }

    /** Whether the user may read the requester's identity (legal name, contact, location) at all. */
    public static boolean mayReadIdentity(UserAccount user) {
        return user.hasRole(Role.CASEWORKER) || user.hasRole(Role.COORDINATOR) || user.hasRole(Role.SECURITY_MENTOR);
    }
}
