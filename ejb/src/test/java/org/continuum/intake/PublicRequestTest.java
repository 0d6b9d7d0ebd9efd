package org.continuum.intake;

import org.continuum.casefile.entity.RequestType;
import org.continuum.intake.control.PublicGate;
import org.continuum.intake.control.PublicRequest;
import org.continuum.intake.control.ReceiptCodes;
import org.continuum.platform.control.InvalidInput;
import org.continuum.security.control.FieldCipher;
import org.continuum.security.control.KeyFolder;
import org.continuum.security.control.MasterKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The public form's checks, its record of the answers, its one-time token and its limits. */
class PublicRequestTest {

    private static PublicRequest request(String name, String situation) {
        return new PublicRequest(name, situation, "ru", "Kazan", Set.of(RequestType.RELOCATION, RequestType.LEGAL_SUPPORT),
                List.of("ru", "en"), "@signal.42", Set.of(PublicRequest.Never.PHONE_CALL), true,
                Set.of(RequestType.RELOCATION));
    }

    @Test
    void everyProblemIsListedAtOnceAsKeysNeverAsTheInput() {
        PublicRequest empty = new PublicRequest("  ", null, "XX", "x".repeat(101), Set.of(), List.of("zz"), null,
                Set.of(), false, Set.of());
        assertThatThrownBy(empty::checked).isInstanceOfSatisfying(InvalidInput.class, e ->
                assertThat(e.messageKeys()).containsExactly("request.name.required", "request.situation.required",
                        "request.country.required", "request.city.tooLong", "request.needs.required",
                        "request.languages.invalid", "request.consent.required"));
        assertThatThrownBy(() -> request("n".repeat(101), "s".repeat(5001)).checked())
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.messageKeys())
                        .containsExactly("request.name.tooLong", "request.situation.tooLong"));
        assertThat(request("Лейла", "Они пришли ночью").checked().country()).isEqualTo("RU");
    }

    @Test
    void theAnswersComeBackAsTheyWereWhateverTheScriptAndNoAnswerCanForgeALine() {
        PublicRequest sent = new PublicRequest("ليلى", "نص\nطويل", "LB", "بيروت\ncountry=FR", Set.of(RequestType.EMERGENCY_AID),
                List.of("ar", "fa"), "سيغنال=1&2", Set.of(PublicRequest.Never.SMS, PublicRequest.Never.HOME_VISIT), true,
                Set.of());
        String details = sent.details();
        assertThat(details.lines()).allMatch(l -> l.matches("[a-zA-Z]+=[^\\n]*")).noneMatch(l -> l.startsWith("country=FR"));
        PublicRequest back = PublicRequest.fromDetails(sent.name(), sent.situation(), details);
        assertThat(back).isEqualTo(sent);
        assertThat(back.toString()).doesNotContain("ليلى", "بيروت");
    }

    @Test
    void controlCharactersAreDroppedAndBlankAnswersAreAbsent() {
        PublicRequest r = new PublicRequest("A\u0000li\u0007", " \t ", "fr", " ", Set.of(RequestType.RELOCATION),
                List.of("fr"), "", Set.of(), true, Set.of());
        assertThat(r.name()).isEqualTo("Ali");
        assertThat(r.situation()).isNull();
        assertThat(r.city()).isNull();
        assertThat(r.messenger()).isNull();
    }

    @Test
    void aTokenOpensOnlyWithTheServersKeyOnlyBetweenSecondsAndHoursAndGivesOneDigest(@TempDir Path keys)
            throws Exception {
        PublicGate gate = gate(keys, Instant.parse("2026-12-01T10:00:00Z"));
        String token = gate.token();
        assertThat(gate.check(token).refusal()).isEqualTo("request.token.tooFast");
        setClock(gate, Instant.parse("2026-12-01T10:00:05Z"));
        PublicGate.TokenCheck ok = gate.check(token);
        assertThat(ok.valid()).isTrue();
        assertThat(ok.digest()).hasSize(64).isEqualTo(gate.check(token).digest());
        assertThat(gate.check(gate.token()).digest()).isNotEqualTo(ok.digest());
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "A".repeat(43);
        assertThat(gate.check(forged).refusal()).isEqualTo("request.token.invalid");
        String shifted = (token.charAt(0) == '2' ? "3" : "2") + token.substring(1);
        assertThat(gate.check(shifted).refusal()).isEqualTo("request.token.invalid");
        assertThat(gate.check(null).refusal()).isEqualTo("request.token.invalid");
        assertThat(gate.check("junk").refusal()).isEqualTo("request.token.invalid");
        setClock(gate, Instant.parse("2026-12-01T14:00:06Z"));
        assertThat(gate.check(token).refusal()).isEqualTo("request.token.expired");
        String ticket = gate.ticket(42);
        assertThat(gate.ticketRequest(ticket)).contains(42L);
        assertThat(gate.ticketRequest(ticket.replace("r42", "r43"))).as("another request, same signature").isEmpty();
        assertThat(gate.ticketRequest(token)).as("a form token is no ticket").isEmpty();
        assertThat(gate.check(ticket).valid()).as("a ticket is no form token").isFalse();
        setClock(gate, Instant.parse("2026-12-01T14:31:00Z"));
        assertThat(gate.ticketRequest(ticket)).as("past its half hour").isEmpty();
        PublicGate otherServer = gate(keys.resolveSibling(keys.getFileName() + "-other"), Instant.parse("2026-12-01T10:00:05Z"));
        assertThat(otherServer.check(token).refusal()).isEqualTo("request.token.invalid");
    }

    @Test
    void requestsAreLimitedPerAddressAndWrongCodesToo(@TempDir Path keys) throws Exception {
        PublicGate gate = gate(keys, Instant.parse("2026-12-01T10:00:00Z"));
        for (int i = 0; i < 5; i++) {
            assertThat(gate.requestAllowed("203.0.113.7")).isTrue();
            gate.requestStored("203.0.113.7");
        }
        assertThat(gate.requestAllowed("203.0.113.7")).isFalse();
        assertThat(gate.requestAllowed("198.51.100.1")).isTrue();
        for (int i = 0; i < 10; i++) {
            gate.codeWrong("203.0.113.7");
        }
        assertThat(gate.codeAllowed("203.0.113.7")).isFalse();
        assertThat(gate.codeAllowed("198.51.100.1")).isTrue();
        setClock(gate, Instant.parse("2026-12-01T11:00:01Z"));
        assertThat(gate.requestAllowed("203.0.113.7")).isTrue();
        assertThat(gate.codeAllowed("203.0.113.7")).isTrue();
    }

    @Test
    void aReceiptCodeIsSixteenDigitsWhateverSpacesOrDashesWereTyped() {
        assertThat(ReceiptCodes.digits("1234 5678-9012 3456")).contains("1234567890123456");
        assertThat(ReceiptCodes.digits("123456789012345")).isEmpty();
        assertThat(ReceiptCodes.digits("12345678901234567")).isEmpty();
        assertThat(ReceiptCodes.digits("1234 5678 9012 345a")).isEmpty();
        assertThat(ReceiptCodes.digits("١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦")).isEmpty();
        assertThat(ReceiptCodes.digits(null)).isEmpty();
    }

    private static PublicGate gate(Path keys, Instant now) throws Exception {
        KeyFolder folder = new KeyFolder(keys);
        FieldCipher cipher = FieldCipher.open(folder, MasterKey.open(folder, "unit-test passphrase, not secret".toCharArray()));
        PublicGate gate = new PublicGate();
        Field field = PublicGate.class.getDeclaredField("cipher");
        field.setAccessible(true);
        field.set(gate, cipher);
        setClock(gate, now);
        return gate;
    }

    private static void setClock(PublicGate gate, Instant now) throws Exception {
        Field field = PublicGate.class.getDeclaredField("clock");
        field.setAccessible(true);
        field.set(gate, Clock.fixed(now, ZoneOffset.UTC));
    }
}
