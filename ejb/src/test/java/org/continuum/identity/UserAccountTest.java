package org.continuum.identity;

import org.continuum.identity.entity.Role;
import org.continuum.identity.entity.Team;
import org.continuum.identity.entity.UserAccount;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserAccountTest {

    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

    private UserAccount caseworker() {
        return new UserAccount("ana.case", "Ana", "hash", new Team("MENA", "MENA desk"), Set.of(Role.CASEWORKER), "en");
    }

    @Test
    void fifthFailureLocksTheAccount() {
        UserAccount user = caseworker();
        for (int i = 1; i <= 4; i++) {
            assertThat(user.recordFailedLogin(t0)).as("attempt %d", i).isFalse();
            assertThat(user.canLogIn(t0)).isTrue();
        }
        assertThat(user.recordFailedLogin(t0)).isTrue();
        assertThat(user.canLogIn(t0)).isFalse();
        assertThat(user.canLogIn(t0.plus(UserAccount.LOCK_DURATION).minusSeconds(1))).isFalse();
    }

    @Test
    void lockExpiresAndCountingStartsAgain() {
        UserAccount user = caseworker();
        for (int i = 0; i < 5; i++) {
            user.recordFailedLogin(t0);
        }
        Instant later = t0.plus(UserAccount.LOCK_DURATION);
        assertThat(user.canLogIn(later)).isTrue();
        assertThat(user.recordFailedLogin(later)).isFalse();
        assertThat(user.getFailedLogins()).isEqualTo(1);
    }

    @Test
    void successResetsTheCounter() {
        UserAccount user = caseworker();
        user.recordFailedLogin(t0);
        user.recordFailedLogin(t0);
        user.recordSuccessfulLogin();
        assertThat(user.getFailedLogins()).isZero();
    }

    @Test
    void caseworkersNeedATeam() {
        assertThatThrownBy(() -> new UserAccount("bob", "Bob", "h", null, Set.of(Role.CASEWORKER), "en"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("team");
        assertThat(new UserAccount("aud", "Auditor", "h", null, Set.of(Role.AUDITOR), null).getLanguage())
                .isEqualTo("en");
    }
}
