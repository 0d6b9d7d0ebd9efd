package org.continuum.intake;

import org.continuum.intake.control.MailParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The intake parser on ordinary, malformed and hostile mails: readable text, or a quarantine reason, never a throw. */
class MailParserTest {

    static byte[] mail(String headersAndBody) {
        return headersAndBody.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static final String PLAIN = """
            From: Layla <layla@example.org>
            To: intake@continuum.test
            Subject: =?UTF-8?B?2LfZhNioINmF2LPYp9i52K/YqQ==?=
            MIME-Version: 1.0
            Content-Type: text/plain; charset=UTF-8
            Content-Transfer-Encoding: 8bit

            Я в опасности. Please help; my case is CF-2026-000123.
            """;

    @Test
    void aPlainMailInAnyScriptGivesSenderSubjectAndText() {
        MailParser.Parsed p = MailParser.parse(mail(PLAIN));
        assertThat(p.quarantine()).isNull();
        assertThat(p.sender()).isEqualTo("layla@example.org");
        assertThat(p.subject()).isEqualTo("طلب مساعدة");
        assertThat(p.text()).contains("Я в опасности", "CF-2026-000123");
    }

    @Test
    void htmlIsReducedToTextAndActiveHtmlIsQuarantined() {
        String html = """
                From: a@example.org
                Subject: html
                MIME-Version: 1.0
                Content-Type: text/html; charset=UTF-8

                <html><body><p>Hello <b>there</b></p><p>Second &amp; line</p></body></html>
                """;
        MailParser.Parsed p = MailParser.parse(mail(html));
        assertThat(p.quarantine()).isNull();
        assertThat(p.text()).contains("Hello there", "Second & line").doesNotContain("<b>", "<p>");
        for (String hostile : new String[]{"<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                "<a href=\"javascript:alert(1)\">x</a>", "<iframe src=\"https://evil.example\"></iframe>"}) {
            MailParser.Parsed q = MailParser.parse(mail(html.replace("<b>there</b>", hostile)));
            assertThat(q.quarantine()).as(hostile).isEqualTo("html.active");
            assertThat(q.text()).isNull();
        }
    }

    @Test
    void attachmentsKeepASafeNameAndExecutablesOrOversizedOnesAreQuarantined() {
        String multipart = """
                From: a@example.org
                Subject: files
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain; charset=UTF-8

                See the attached photo of the summons.
                --b1
                Content-Type: image/jpeg
                Content-Disposition: attachment; filename="../../etc/summons.jpg"
                Content-Transfer-Encoding: base64

                %s
                --b1--
                """;
        String jpeg = Base64.getEncoder().encodeToString(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3});
        MailParser.Parsed p = MailParser.parse(mail(multipart.formatted(jpeg)));
        assertThat(p.quarantine()).isNull();
        assertThat(p.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("summons.jpg");
            assertThat(a.content()).hasSize(6);
        });
        assertThat(MailParser.parse(mail(multipart.formatted(jpeg).replace("summons.jpg", "invoice.pdf.exe")))
                .quarantine()).isEqualTo("attachment.executable");
        String big = Base64.getMimeEncoder().encodeToString(new byte[(int) MailParser.MAX_ATTACHMENT_BYTES + 1]);
        assertThat(MailParser.parse(mail(multipart.formatted(big))).quarantine()).isEqualTo("attachment.tooLarge");
    }

    @Test
    void forgedOrMissingSendersAndBrokenMimeAreQuarantinedNotThrown() {
        assertThat(MailParser.parse(mail(PLAIN.replace("From: Layla <layla@example.org>",
                "From: a@example.org\nFrom: b@example.org"))).quarantine()).isEqualTo("sender.multiple");
        assertThat(MailParser.parse(mail(PLAIN.replace("From: Layla <layla@example.org>\n", ""))).quarantine())
                .isEqualTo("sender.missing");
        assertThat(MailParser.parse(mail(PLAIN.replace("layla@example.org", "not an address@@"))).quarantine())
                .isEqualTo("sender.invalid");
        assertThat(MailParser.parse(mail("""
                From: a@example.org
                Content-Type: multipart/mixed; boundary="never-closed"

                --never-closed
                Content-Type: text/plain; charset=no-such-charset

                x""")).isQuarantined()).isTrue();
        assertThat(MailParser.parse(new byte[0]).quarantine()).isEqualTo("mime.empty");
        assertThat(MailParser.parse(new byte[]{0, 1, 2, (byte) 0xFF}).isQuarantined()).isTrue();
    }
}
