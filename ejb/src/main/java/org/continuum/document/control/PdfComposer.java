package org.continuum.document.control;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a simple, robust A4 document with PDFBox: headings, label/value lines and wrapped paragraphs in DejaVu Sans
 * (embedded, subset), right-to-left runs shaped (ICU4J Arabic shaping) and reordered (ICU4J bidi) so Arabic and
 * Persian names read correctly, characters the font lacks printed as "?" instead of failing, a diagonal watermark
 * and a footer with page numbers on every page, then AES-256 protection with a generated password.
 */
public final class PdfComposer implements AutoCloseable {

    static final String FONT = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
    private static final float MARGIN = 50;
    private static final float BODY = 10;
    private static final float LEADING = 14;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PDDocument document = new PDDocument();
    private final PDType0Font font;
    private final String watermark;
    private final String footer;
    /** A document in a right-to-left language: every line right-aligned with a right-to-left base direction. */
    private final boolean rightToLeft;
    private final Map<Integer, Boolean> printable = new HashMap<>();
    private PDPageContentStream stream;
    private float y;

    /** The protected result: the PDF and the password that opens it (shown once, never stored or mailed). */
    public record Protected(byte[] pdf, String password, int pages) {
        @Override
        public String toString() {
            return "Protected[" + pdf.length + " bytes, " + pages + " pages]";
        }
    }

    public PdfComposer(String watermark, String footer) {
        this(watermark, footer, false);
    }

    public PdfComposer(String watermark, String footer, boolean rightToLeft) {
        this.watermark = watermark;
        this.footer = footer;
        this.rightToLeft = rightToLeft;
        try (InputStream in = PdfComposer.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("The PDF font " + FONT + " is not on the class path");
            }
            this.font = PDType0Font.load(document, in, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        newPage();
    }

    public void title(String text) {
        write(text, 16, 0);
        y -= 6;
    }

    public void heading(String text) {
        space(LEADING * 3);
        y -= 6;
        write(text, 12.5f, 0);
    }

    /** A label and its value on one line (wrapped under the value when long). */
    public void field(String label, String value) {
        paragraph(label + ": " + (value == null || value.isBlank() ? "—" : value), 0);
    }

    public void paragraph(String text) {
        paragraph(text, 0);
    }

    public void item(String text) {
        paragraph("• " + text, 10);
    }

    private void paragraph(String text, float indent) {
        for (String raw : (text == null ? "" : text).split("\\R")) {
            for (String line : wrap(printable(raw.replace('\t', ' ')), BODY, PDRectangle.A4.getWidth() - 2 * MARGIN
                    - indent)) {
                write(line, BODY, indent);
            }
        }
    }

    private void write(String logical, float size, float indent) {
        space(size + 4);
        boolean rtl = rightToLeft || isRightToLeft(logical);
        String visual = visual(logical, rtl);
        try {
            float width = font.getStringWidth(visual) / 1000 * size;
            float x = rtl ? PDRectangle.A4.getWidth() - MARGIN - width : MARGIN + indent;
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, y);
            stream.showText(visual);
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y -= size + 4;
    }

    private void space(float needed) {
        if (y - needed < MARGIN + 30) {
            newPage();
        }
    }

    private void newPage() {
        try {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the content, stamps watermark and page numbers on every page, protects and returns the document. */
    public Protected finish() {
        try {
            stream.close();
            stream = null;
            int total = document.getNumberOfPages();
            PDExtendedGraphicsState faint = new PDExtendedGraphicsState();
            faint.setNonStrokingAlphaConstant(0.13f);
            for (int i = 0; i < total; i++) {
                PDPage page = document.getPage(i);
                try (PDPageContentStream cs = new PDPageContentStream(document, page,
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    cs.saveGraphicsState();
                    cs.setGraphicsStateParameters(faint);
                    cs.beginText();
                    cs.setFont(font, 11);
                    cs.setTextMatrix(Matrix.getRotateInstance(Math.toRadians(40), 70, 170));
                    cs.showText(visual(printable(watermark)));
                    cs.endText();
                    cs.restoreGraphicsState();
                    String line = visual(printable(footer + " · " + watermark + " · " + (i + 1) + " / " + total),
                            rightToLeft);
                    cs.beginText();
                    cs.setFont(font, 7.5f);
                    cs.newLineAtOffset(rightToLeft ? PDRectangle.A4.getWidth() - MARGIN - width(line, 7.5f) : MARGIN,
                            28);
                    cs.showText(line);
                    cs.endText();
                }
            }
            String password = password();
            AccessPermission permissions = new AccessPermission();
            permissions.setCanModify(false);
            permissions.setCanExtractContent(true);
            StandardProtectionPolicy policy = new StandardProtectionPolicy(password() + password(), password,
                    permissions);
            policy.setEncryptionKeyLength(256);
            document.protect(policy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return new Protected(out.toByteArray(), password, total);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (stream != null) {
                stream.close();
            }
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 20 random characters from 0-9 and a-z (about 103 bits), in groups of five to read out. */
    static String password() {
        StringBuilder out = new StringBuilder(23);
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                out.append('-');
            }
            out.append(Character.forDigit(RANDOM.nextInt(36), 36));
        }
        return out.toString();
    }

    /** Characters the font cannot draw become "?", so one unusual character never breaks a dossier. */
    private String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                return;
            }
            Boolean ok = printable.get(cp);
            if (ok == null) {
                try {
                    font.encode(new String(Character.toChars(cp)));
                    ok = true;
                } catch (IOException | IllegalArgumentException e) {
                    ok = false;
                }
                printable.put(cp, ok);
            }
            out.append(ok ? new String(Character.toChars(cp)) : "?");
        });
        return out.toString();
    }

    /** Logical text to the order and glyph forms a PDF draws: Arabic letters shaped, runs reordered by bidi. */
    static String visual(String logical) {
        return visual(logical, isRightToLeft(logical));
    }

    /** The same, in a paragraph whose base direction is right to left when {@code rightToLeftBase}. */
    static String visual(String logical, boolean rightToLeftBase) {
        if (!hasRightToLeft(logical) && !rightToLeftBase) {
            return logical;
        }
        String shaped;
        try {
            shaped = new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL)
                    .shape(logical);
        } catch (ArabicShapingException e) {
            shaped = logical;
        }
        Bidi bidi = new Bidi(shaped, rightToLeftBase ? Bidi.RTL : Bidi.LTR);
        return bidi.writeReordered(Bidi.DO_MIRRORING);
    }

    static boolean hasRightToLeft(String text) {
        return text.codePoints().anyMatch(cp -> {
            byte d = Character.getDirectionality(cp);
            return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
        });
    }

    /** A line whose first strong character is right-to-left is laid out from the right margin. */
    static boolean isRightToLeft(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            byte d = Character.getDirectionality(cp);
            if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return true;
            }
            if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /** Greedy word wrap by measured width; each word is measured once and line widths are summed. */
    private List<String> wrap(String text, float size, float maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float lineWidth = 0;
        float space = width(" ", size);
        for (String word : text.split(" ")) {
            float wordWidth = width(word, size);
            if (!line.isEmpty() && lineWidth + space + wordWidth <= maxWidth) {
                line.append(' ').append(word);
                lineWidth += space + wordWidth;
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (wordWidth > maxWidth && rest.length() > 1) {
                // A word longer than the line (a long address, say) is cut where it fits.
                int cut = Math.max(1, (int) (rest.length() * maxWidth / wordWidth) - 1);
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
                wordWidth = width(rest, size);
            }
            line.append(rest);
            lineWidth = wordWidth;
        }
        lines.add(line.toString());
        return lines;
    }

    /** Measured on the logical text: shaping changes glyph forms, not the width enough to matter for wrapping. */
    private float width(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException | IllegalArgumentException e) {
            return text.length() * size * 0.6f;
        }
    }
}
