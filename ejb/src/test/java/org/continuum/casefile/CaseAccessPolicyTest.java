package org.continuum.casefile;

import org.continuum.casefile.control.CaseAccessPolicy;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.identity.entity.Role;
import org.continuum.identity.entity.Team;
import org.continuum.identity.entity.UserAccount;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CaseAccessPolicyTest {

    private static Team team(long id, String code) throws Exception {
        Team team = new Team(code, code + " desk");
        Field f = Team.class.getDeclaredField("id");
        f.setAccessible(true);
        f.set(team, id);
        return team;
    }

    @Test
    void teamDecidesForCaseworkersAndCoordinators() throws Exception {
        Team mena = team(1, "MENA");
        Team east = team(2, "EUR-EAST");
        CaseFile menaCase = new CaseFile("CF-2026-000001",
                new CaseFile.Requester("Cedar", "Leila", "idx", null, null), CaseFileTest.intake(true), mena,
                "amira", java.time.Instant.now());
        UserAccount amira = new UserAccount("amira", "Amira", "h", mena, Set.of(Role.CASEWORKER), "en");
        UserAccount ivan = new UserAccount("ivan", "Ivan", "h", east, Set.of(Role.CASEWORKER), "en");
        UserAccount claire = new UserAccount("claire", "Claire", "h", mena, Set.of(Role.COORDINATOR), "fr");
        UserAccount auditor = new UserAccount("nadia", "Nadia", "h", null, Set.of(Role.AUDITOR), "en");
        UserAccount admin = new UserAccount("admin", "Admin", "h", null, Set.of(Role.ADMIN), "en");
        UserAccount mentor = new UserAccount("sofia", "Sofia", "h", mena, Set.of(Role.SECURITY_MENTOR), "en");

        assertThat(CaseAccessPolicy.refusal(amira, menaCase)).isEmpty();
        assertThat(CaseAccessPolicy.refusal(claire, menaCase)).isEmpty();
        assertThat(CaseAccessPolicy.refusal(ivan, menaCase)).contains("other-team");
        assertThat(CaseAccessPolicy.refusal(auditor, menaCase)).contains("other-team");
        assertThat(CaseAccessPolicy.refusal(admin, menaCase)).contains("other-team");
        assertThat(CaseAccessPolicy.refusal(mentor, menaCase)).as("mentors see assigned cases only")
                .contains("not-assigned");
        assertThat(CaseAccessPolicy.refusal(amira, null)).contains("not-found");
        assertThat(CaseAccessPolicy.mayReadIdentity(auditor)).isFalse();
        assertThat(CaseAccessPolicy.mayReadIdentity(admin)).isFalse();
        assertThat(CaseAccessPolicy.mayReadIdentity(amira)).isTrue();
    }

    @Test
    void aPersonWithSeveralRolesGetsFromEachOnlyWhatItAllows() throws Exception {
        Team mena = team(1, "MENA");
        CaseFile menaCase = new CaseFile("CF-2026-000002",
                new CaseFile.Requester("Juniper", "Samir", "idx", null, null), CaseFileTest.intake(true), mena,
                "amira", java.time.Instant.now());
        UserAccount sofia = new UserAccount("sofia", "Sofia", "h", mena, Set.of(Role.SECURITY_MENTOR), "en");
        UserAccount karim = new UserAccount("karim", "Karim", "h", mena,
                Set.of(Role.SECURITY_MENTOR, Role.COORDINATOR), "en");
        menaCase.assignMentor(sofia);
        var mentorOnly = CaseAccessPolicy.Capability.ASSIGNED_MENTOR;
        assertThat(CaseAccessPolicy.refusal(karim, menaCase)).as("coordinator of the team: need to know").isEmpty();
        assertThat(CaseAccessPolicy.refusal(karim, menaCase, mentorOnly)).as("but not this case's mentor")
                .contains("not-assigned-mentor");
        assertThat(CaseAccessPolicy.refusal(sofia, menaCase, mentorOnly)).isEmpty();
        menaCase.assignMentor(karim);
        assertThat(CaseAccessPolicy.refusal(karim, menaCase, mentorOnly)).isEmpty();
        assertThat(CaseAccessPolicy.refusal(sofia, menaCase, mentorOnly)).contains("not-assigned");
    }
}
