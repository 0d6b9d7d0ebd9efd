package org.continuum.intake.control;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * Turns one raw e-mail from the intake mailbox into what a caseworker may safely read: the sender, the subject,
 * plain text (HTML reduced to its text) and the attachments, or a quarantine reason. It never throws on any input:
 * malformed, oversized and hostile messages (bad MIME, huge or executable attachments, active HTML, several or no
 * senders) come back as a reason code, so one bad message never stops the poller. This is the fuzzing target.
 */
public final class MailParser {

    public static final long MAX_RAW_BYTES = 25L * 1024 * 1024;
    public static final int MAX_ATTACHMENTS = 10;
    public static final long MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;
    public static final long MAX_TOTAL_ATTACHMENT_BYTES = 20L * 1024 * 1024;
    public static final int MAX_TEXT_CHARS = 200_000;
    static final int MAX_DEPTH = 8;
    static final int MAX_PARTS = 50;

    /** File endings that run code when opened; a requester has no reason to send them. */
    static final Set<String> EXECUTABLE = Set.of("exe", "com", "bat", "cmd", "scr", "js", "jse", "vbs", "vbe", "wsf",
            "ps1", "jar", "msi", "dll", "hta", "lnk", "sh", "apk", "iso", "html", "htm", "svg");

    private MailParser() {
    }

    public record Attachment(String fileName, String contentType, byte[] content) {
        @Override
        public String toString() {
            return "Attachment[" + contentType + "," + content.length + "]";
        }
    }

    /** A readable message ({@code quarantine} null) or the reason it was quarantined (the other fields as found). */
    public record Parsed(String quarantine, String sender, String subject, String text,
                         List<Attachment> attachments) {
        public boolean isQuarantined() {
            return quarantine != null;
        }

        @Override
        public String toString() {
            return "Parsed[" + (quarantine == null ? "ok" : quarantine) + "," + attachments.size() + "]";
        }
    }

    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final String reason;

        Refused(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }
    }

    public static Parsed parse(byte[] raw) {
        if (raw == null || raw.length == 0) {
            return new Parsed("mime.empty", null, null, null, List.of());
        }
        if (raw.length > MAX_RAW_BYTES) {
            return new Parsed("message.tooLarge", null, null, null, List.of());
        }
        String sender = null;
        String subject = null;
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw));
            subject = clean(message.getSubject(), 998);
            sender = sender(message);
            Walk walk = new Walk();
            walk.part(message, 0);
            String text = walk.text.toString().strip();
            if (text.length() > MAX_TEXT_CHARS) {
                throw new Refused("body.tooLarge");
            }
            return new Parsed(null, sender, subject, text, List.copyOf(walk.attachments));
        } catch (Refused refused) {
            return new Parsed(refused.reason, sender, subject, null, List.of());
        } catch (MessagingException | IOException | RuntimeException | StackOverflowError e) {
            return new Parsed("mime.malformed", sender, subject, null, List.of());
        }
    }

    private static String sender(MimeMessage message) throws MessagingException, Refused {
        String[] fromHeaders = message.getHeader("From");
        if (fromHeaders == null || fromHeaders.length != 1) {
            throw new Refused(fromHeaders == null ? "sender.missing" : "sender.multiple");
        }
        try {
            InternetAddress[] from = InternetAddress.parseHeader(fromHeaders[0], true);
            if (from.length != 1) {
                throw new Refused("sender.multiple");
            }
            from[0].validate();
            return from[0].getAddress().toLowerCase(Locale.ROOT);
        } catch (AddressException e) {
            throw new Refused("sender.invalid");
        }
    }

    /** Walks the MIME tree depth-first, collecting text and attachments within the limits. */
    private static final class Walk {
        final StringBuilder text = new StringBuilder();
        final List<Attachment> attachments = new ArrayList<>();
        long attachmentBytes;
        int parts;

        void part(Part part, int depth) throws MessagingException, IOException, Refused {
            if (depth > MAX_DEPTH) {
                throw new Refused("mime.tooDeep");
            }
            if (++parts > MAX_PARTS) {
                throw new Refused("mime.tooManyParts");
            }
            String type = part.getContentType() == null ? "text/plain"
                    : part.getContentType().toLowerCase(Locale.ROOT);
            boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
            if (type.startsWith("multipart/") && !attachment) {
                Object content = part.getContent();
                if (!(content instanceof Multipart multipart)) {
                    throw new Refused("mime.malformed");
                }
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    part(child, depth + 1);
                }
            } else if (!attachment && type.startsWith("text/plain")) {
                append(String.valueOf(part.getContent()));
            } else if (!attachment && type.startsWith("text/html")) {
                append(htmlToText(String.valueOf(part.getContent())));
            } else if (!attachment && type.startsWith("message/rfc822")) {
                attach(part, "forwarded-message.eml", "message/rfc822");
            } else {
                attach(part, part.getFileName(), type.split(";")[0].strip());
            }
        }

        private void append(String more) throws Refused {
            if (text.length() + more.length() > MAX_TEXT_CHARS) {
                throw new Refused("body.tooLarge");
            }
            if (text.length() > 0) {
                text.append("\n\n");
            }
            text.append(clean(more, MAX_TEXT_CHARS));
        }

        private void attach(Part part, String rawName, String contentType) throws MessagingException, IOException,
                Refused {
            if (attachments.size() >= MAX_ATTACHMENTS) {
                throw new Refused("attachment.tooMany");
            }
            String name = safeFileName(rawName);
            String ending = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)
                    : "";
            if (EXECUTABLE.contains(ending)) {
                throw new Refused("attachment.executable");
            }
            byte[] content = bounded(part.getInputStream(), MAX_ATTACHMENT_BYTES);
            attachmentBytes += content.length;
            if (attachmentBytes > MAX_TOTAL_ATTACHMENT_BYTES) {
                throw new Refused("attachment.tooLarge");
            }
            attachments.add(new Attachment(name, clean(contentType, 100), content));
        }
    }

    /** HTML reduced to its text; active content (scripts, frames, objects, event handlers) quarantines the mail. */
    static String htmlToText(String html) throws Refused {
        Document doc = Jsoup.parse(html);
        if (!doc.select("script, iframe, frame, object, embed, applet, form, meta[http-equiv=refresh]").isEmpty()) {
            throw new Refused("html.active");
        }
        for (Element e : doc.getAllElements()) {
            for (var attribute : e.attributes()) {
                String key = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = attribute.getValue().toLowerCase(Locale.ROOT).strip();
                if (key.startsWith("on") || value.startsWith("javascript:") || value.startsWith("vbscript:")) {
                    throw new Refused("html.active");
                }
            }
        }
        doc.select("br").after("\n");
        doc.select("p, div, li, tr, h1, h2, h3, h4").after("\n\n");
        return doc.wholeText();
    }

    /** A file name without any directory part or control characters, never empty. */
    static String safeFileName(String raw) {
        String name = raw == null ? "" : raw;
        name = name.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.replaceAll("[\\p{Cntrl}]", "").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isEmpty()) {
            name = "attachment";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static byte[] bounded(InputStream in, long max) throws IOException, Refused {
        try (InputStream input = in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            byte[] buffer = new byte[8192];
            long total = 0;
            int read;
            while ((read = input.read(buffer)) != -1) {
                total += read;
                if (total > max) {
                    throw new Refused("attachment.tooLarge");
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        }
    }

    /** Text without control characters (tab and new line kept), at most {@code max} characters. */
    static String clean(String value, int max) {
        if (value == null) {
            return null;
        }
        String cleaned = value.replace("\r\n", "\n").replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "");
        return cleaned.length() > max ? cleaned.substring(0, max) : cleaned;
    }
}
