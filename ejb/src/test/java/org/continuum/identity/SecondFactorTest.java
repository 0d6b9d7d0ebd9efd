package org.continuum.identity;

import org.continuum.identity.control.QrCodes;
import org.continuum.identity.control.SecondFactor;
import org.continuum.identity.entity.Role;
import org.continuum.identity.entity.Team;
import org.continuum.identity.entity.UserAccount;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecondFactorTest {

    /** RFC 6238, appendix B: the SHA-1 seed "12345678901234567890" in Base32. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    private final SecondFactor codes = new SecondFactor();

    @Test
    void codesAreThoseOfRfc6238() {
        // The RFC's 8-digit values 94287082, 07081804 and 14050471; an app shows their last six digits.
        assertThat(codes.code(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(codes.code(RFC_SECRET, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(codes.code(RFC_SECRET, Instant.ofEpochSecond(1111111111))).isEqualTo("050471");
    }

    @Test
    void oneStepOfDriftEitherSideIsAcceptedTwoAreNot() {
        String code = codes.code(RFC_SECRET, Instant.ofEpochSecond(59));
        assertThat(codes.accept(RFC_SECRET, code, null, Instant.ofEpochSecond(59))).hasValue(1);
        assertThat(codes.accept(RFC_SECRET, code, null, Instant.ofEpochSecond(89))).as("one step late").hasValue(1);
        assertThat(codes.accept(RFC_SECRET, code, null, Instant.ofEpochSecond(30 - 1))).as("one step early")
                .hasValue(1);
        assertThat(codes.accept(RFC_SECRET, code, null, Instant.ofEpochSecond(119))).as("two steps late").isEmpty();
        assertThat(codes.accept(RFC_SECRET, "28 70 82", null, Instant.ofEpochSecond(59))).as("spaces typed")
                .hasValue(1);
        assertThat(codes.accept(RFC_SECRET, "abcdef", null, Instant.ofEpochSecond(59))).isEmpty();
        assertThat(codes.accept(RFC_SECRET, null, null, Instant.ofEpochSecond(59))).isEmpty();
    }

    @Test
    void aCodeIsNeverAcceptedTwice() {
        String code = codes.code(RFC_SECRET, Instant.ofEpochSecond(59));
        assertThat(codes.accept(RFC_SECRET, code, 1L, Instant.ofEpochSecond(59))).as("its step was used").isEmpty();
        assertThat(codes.accept(RFC_SECRET, code, 0L, Instant.ofEpochSecond(59))).hasValue(1);

        UserAccount user = new UserAccount("test.user", "Test", "hash", new Team("TEST", "Team"),
                EnumSet.of(Role.CASEWORKER), "en");
        user.startEnrolment(codes.newSecret());
        user.enrolled(100, Instant.EPOCH);
        assertThat(user.codeAccepted(100)).as("the enrolment's own step").isFalse();
        assertThat(user.codeAccepted(101)).isTrue();
        assertThat(user.codeAccepted(101)).as("replay").isFalse();
        assertThat(user.codeAccepted(99)).as("an older code").isFalse();
        assertThat(user.getTotpLastStep()).isEqualTo(101);
        assertThatThrownBy(() -> user.startEnrolment("AAAA")).hasMessage("secondFactor.alreadyEnrolled");
        user.secondFactorReset();
        assertThat(user.isEnrolled()).isFalse();
    }

    @Test
    void ticketsExpireAndAreSpentOnce() {
        UserAccount user = new UserAccount("test.user", "Test", "hash", new Team("TEST", "Team"),
                EnumSet.of(Role.CASEWORKER), "en");
        String ticket = SecondFactor.token();
        user.passwordAccepted(SecondFactor.digest(ticket), Instant.ofEpochSecond(600));
        assertThat(user.holdsTicket(SecondFactor.digest(ticket), Instant.ofEpochSecond(599))).isTrue();
        assertThat(user.holdsTicket(SecondFactor.digest(ticket), Instant.ofEpochSecond(600))).as("expired").isFalse();
        assertThat(user.holdsTicket(SecondFactor.digest("other"), Instant.ofEpochSecond(1))).isFalse();
        user.ticketSpent();
        assertThat(user.holdsTicket(SecondFactor.digest(ticket), Instant.ofEpochSecond(1))).isFalse();
    }

    @Test
    void secretsAndRecoveryCodesAreRandomAndReadable() {
        assertThat(codes.newSecret()).matches("[A-Z2-7]{32}").isNotEqualTo(codes.newSecret());
        List<String> recovery = codes.newRecoveryCodes();
        assertThat(recovery).hasSize(10).allMatch(c -> c.matches("[a-z2-7]{5}-[a-z2-7]{5}"));
        assertThat(new HashSet<>(recovery)).hasSize(10);
        assertThat(SecondFactor.normalisedRecoveryCode(" K7Q2M X5D4T ")).isEqualTo("k7q2m-x5d4t");
        assertThat(SecondFactor.normalisedRecoveryCode("123456")).isNull();
        assertThat(codes.provisioningUri("amira.caseworker", RFC_SECRET))
                .isEqualTo("otpauth://totp/Continuum%3Aamira.caseworker?secret=" + RFC_SECRET
                        + "&issuer=Continuum&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void qrCodesAreSquareSymbolsWithTheirFinderPatterns() {
        QrCodes.Symbol symbol = QrCodes.of(codes.provisioningUri("amira.caseworker", RFC_SECRET));
        assertThat(symbol.size()).isGreaterThanOrEqualTo(21).matches(n -> (n - 17) % 4 == 0, "a QR version size");
        // The top-left finder pattern: a dark 7×7 ring around a dark 3×3 centre.
        assertThat(symbol.dark()).anyMatch(m -> m[0] == 0 && m[1] == 0).anyMatch(m -> m[0] == 3 && m[1] == 3)
                .noneMatch(m -> m[0] == 1 && m[1] == 1);
    }
}
