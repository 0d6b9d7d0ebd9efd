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

    /**
     * What a guarded action needs. A person holding several roles gets from each role only what that role allows:
     * a coordinator who is also a mentor writes mentor-only records on the case files assigned to them, not on
     * every case file of the team.
     */
    public enum Capability {
        /** Any need to know: case staff of the team, or the case's assigned mentor. */
        NEED_TO_KNOW,
        /** The security mentor assigned to this case file (mentor-only records: safety plan, assessments). */
        ASSIGNED_MENTOR
    }

    /** The refusal, if any, for an action that needs {@code needed} on this case file. */
    public static Optional<String> refusal(UserAccount user, CaseFile caseFile, Capability needed) {
        Optional<String> basic = refusal(user, caseFile);
        if (basic.isPresent() || needed == Capability.NEED_TO_KNOW) {
            return basic;
        }
        boolean assignedMentor = user.hasRole(Role.SECURITY_MENTOR) && caseFile.isAssignedTo(user);
        return assignedMentor ? Optional.empty() : Optional.of("not-assigned-mentor");
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
