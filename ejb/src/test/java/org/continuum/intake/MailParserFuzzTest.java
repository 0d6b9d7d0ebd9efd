package org.continuum.intake;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.continuum.intake.control.MailParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S13: the parser of outside input under Jazzer. A plain test run replays the saved inputs in
 * {@code MailParserFuzzTestInputs/}; {@code JAZZER_FUZZ=1 mvn -pl ejb test -Dtest=MailParserFuzzTest} fuzzes.
 * Any exception, an attachment name with a directory part, or limits exceeded are findings.
 */
class MailParserFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parseNeverThrowsAndKeepsItsLimits(byte[] raw) {
        MailParser.Parsed parsed = MailParser.parse(raw);
        if (!parsed.isQuarantined()) {
            assertThat(parsed.attachments()).hasSizeLessThanOrEqualTo(MailParser.MAX_ATTACHMENTS);
            long total = 0;
            for (MailParser.Attachment a : parsed.attachments()) {
                assertThat(a.fileName()).doesNotContain("/", "\\").isNotEmpty();
                total += a.content().length;
            }
            assertThat(total).isLessThanOrEqualTo(MailParser.MAX_TOTAL_ATTACHMENT_BYTES);
            assertThat(parsed.text()).hasSizeLessThanOrEqualTo(MailParser.MAX_TEXT_CHARS + 2);
        }
    }
}
