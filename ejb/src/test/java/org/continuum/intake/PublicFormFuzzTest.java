package org.continuum.intake;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.continuum.casefile.entity.RequestType;
import org.continuum.intake.control.PublicRequest;
import org.continuum.intake.control.ReceiptCodes;
import org.continuum.platform.control.InvalidInput;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S13: the public form's parsing under Jazzer (the answers as the boundary checks them, the record kept with the
 * draft and read back, the receipt code as typed). A plain test run replays {@code PublicFormFuzzTestInputs/};
 * {@code JAZZER_FUZZ=1 mvn -pl ejb test -Dtest=PublicFormFuzzTest} fuzzes. A finding is any exception but a refusal
 * with {@code request.*} keys, an accepted request whose record does not read back the same or has a forged line,
 * or a receipt code read as anything but 16 ASCII digits.
 */
class PublicFormFuzzTest {

    private static <E extends Enum<E>> Set<E> some(FuzzedDataProvider data, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        for (E value : type.getEnumConstants()) {
            if (data.consumeBoolean()) {
                set.add(value);
            }
        }
        return set;
    }

    @FuzzTest(maxDuration = "60s")
    void answersAreRefusedWithKeysOrKeptAndReadBackTheSame(FuzzedDataProvider data) {
        PublicRequest request = new PublicRequest(data.consumeString(150), data.consumeString(600),
                data.consumeString(4), data.consumeString(120), some(data, RequestType.class),
                List.of(data.consumeString(3), data.consumeString(3)), data.consumeString(220),
                some(data, PublicRequest.Never.class), data.consumeBoolean(), some(data, RequestType.class));
        String typed = data.consumeRemainingAsString();
        ReceiptCodes.digits(typed).ifPresent(d -> assertThat(d).matches("[0-9]{16}"));
        try {
            request.checked();
        } catch (InvalidInput refused) {
            assertThat(refused.messageKeys()).isNotEmpty().allMatch(k -> k.startsWith("request."));
            return;
        }
        String details = request.details();
        assertThat(details.lines()).allMatch(l -> l.matches("[a-zA-Z]+=[^\\n\\r]*"));
        assertThat(PublicRequest.fromDetails(request.name(), request.situation(), details)).isEqualTo(request);
    }
}
