package org.continuum.document;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.continuum.document.control.UploadPolicy;
import org.continuum.platform.control.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S13: the document policy under Jazzer. A plain test run replays the saved inputs in
 * {@code UploadPolicyFuzzTestInputs/}; {@code JAZZER_FUZZ=1 mvn -pl ejb test -Dtest=UploadPolicyFuzzTest} fuzzes.
 * A finding is any exception but a refusal with a {@code document.*} key, a kept file of another type than its
 * signature, a kept file over the limit, or a stored name with a folder or control character.
 */
class UploadPolicyFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void keepsOnlyWhatItCanReadAndRefusesTheRestWithAReason(FuzzedDataProvider data) {
        String name = data.consumeString(120);
        byte[] content = data.consumeRemainingAsBytes();
        String safe = UploadPolicy.safeName(name);
        assertThat(safe).doesNotContain("/", "\\").doesNotStartWith(".").isNotBlank();
        assertThat(safe.codePoints().noneMatch(Character::isISOControl)).isTrue();
        UploadPolicy.Checked checked;
        try {
            checked = UploadPolicy.check(name, content);
        } catch (InvalidInput refused) {
            assertThat(refused.messageKeys()).allMatch(k -> k.startsWith("document."));
            return;
        }
        assertThat(checked.content().length).isPositive();
        assertThat(content.length).isLessThanOrEqualTo((int) UploadPolicy.MAX_FILE_BYTES);
        assertThat(checked.name()).doesNotContain("/", "\\");
        byte[] kept = checked.content();
        switch (checked.type()) {
            case PDF -> assertThat(new String(kept, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("%PDF-");
            case PNG -> assertThat(kept[1]).isEqualTo((byte) 'P');
            case JPEG -> assertThat(kept[0]).isEqualTo((byte) 0xFF);
        }
    }
}
