package org.continuum.document.control;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.continuum.platform.control.InvalidInput;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * What a document must be to be kept with a case, decided by its content, never its name: a JPEG or PNG image that
 * decodes (then re-encoded from its pixels, so no metadata survives: no GPS position, no camera serial), or a PDF that
 * parses, is not encrypted, and holds no script, launch action, embedded file or XFA form anywhere in its object
 * graph. Everything else is refused (archives, SVG, HTML, office files, executables), as is a file whose name claims
 * another type, an image over 50 megapixels (a decompression bomb) and anything over the size limit. Every refusal is
 * a bundle key the person reads in their language. The stored name keeps the person's letters (any script) but no
 * path, control character or reserved sign.
 */
public final class UploadPolicy {

    /** The types kept, with the extensions a name may carry for each. */
    public enum Type {
        JPEG("image/jpeg", "jpg", Set.of("jpg", "jpeg")),
        PNG("image/png", "png", Set.of("png")),
        PDF("application/pdf", "pdf", Set.of("pdf"));

        public final String contentType;
        final String extension;
        final Set<String> extensions;

        Type(String contentType, String extension, Set<String> extensions) {
            this.contentType = contentType;
            this.extension = extension;
            this.extensions = extensions;
        }
    }

    /** A document that passed: the bytes to store (re-encoded for images), its type and a safe name. */
    public record Checked(String name, Type type, byte[] content) {
        @Override
        public String toString() {
            return "Checked[" + type + "," + content.length + "]";
        }
    }

    public static final long MAX_FILE_BYTES = Long.getLong("continuum.documents.maxFileBytes", 10L * 1024 * 1024);
    public static final long MAX_CASE_BYTES = Long.getLong("continuum.documents.maxCaseBytes", 100L * 1024 * 1024);
    static final long MAX_PIXELS = 50_000_000L;
    static final int MAX_PDF_OBJECTS = 200_000;
    private static final Set<COSName> FORBIDDEN_KEYS = Set.of(COSName.JS, COSName.JAVA_SCRIPT, COSName.EMBEDDED_FILES,
            COSName.EMBEDDED_FILE, COSName.getPDFName("XFA"), COSName.getPDFName("RichMedia"),
            COSName.getPDFName("Launch"));
    private static final Set<COSName> FORBIDDEN_ACTIONS = Set.of(COSName.JAVA_SCRIPT, COSName.getPDFName("Launch"),
            COSName.getPDFName("ImportData"), COSName.getPDFName("SubmitForm"), COSName.getPDFName("RichMediaExecute"));

    private UploadPolicy() {
    }

    /** Checks {@code content} sent under {@code name}; refuses with {@link InvalidInput} ({@code document.*}). */
    public static Checked check(String name, byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidInput("document.empty");
        }
        if (content.length > MAX_FILE_BYTES) {
            throw new InvalidInput("document.tooLarge");
        }
        Type type = detect(content);
        if (type == null) {
            throw new InvalidInput("document.typeRefused");
        }
        String safe = safeName(name);
        String extension = extension(safe);
        if (extension != null && !type.extensions.contains(extension)) {
            throw new InvalidInput("document.nameMismatch");
        }
        if (extension == null) {
            safe = safe + "." + type.extension;
        }
        byte[] kept = switch (type) {
            case JPEG, PNG -> reencode(content, type);
            case PDF -> checkPdf(content);
        };
        return new Checked(safe, type, kept);
    }

    /** The type by the file's first bytes (its signature), or null when it is none of the kept ones. */
    static Type detect(byte[] c) {
        if (c.length >= 3 && (c[0] & 0xff) == 0xFF && (c[1] & 0xff) == 0xD8 && (c[2] & 0xff) == 0xFF) {
            return Type.JPEG;
        }
        if (c.length >= 8 && (c[0] & 0xff) == 0x89 && c[1] == 'P' && c[2] == 'N' && c[3] == 'G' && c[4] == 0x0D
                && c[5] == 0x0A && c[6] == 0x1A && c[7] == 0x0A) {
            return Type.PNG;
        }
        if (c.length >= 5 && c[0] == '%' && c[1] == 'P' && c[2] == 'D' && c[3] == 'F' && c[4] == '-') {
            return Type.PDF;
        }
        return null;
    }

    /**
     * The last segment of the name (no folder, no "..", no control, format or reserved character), NFC, at most 100
     * characters; "document" when nothing is left.
     */
    public static String safeName(String name) {
        String n = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFC);
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        n = n.substring(slash + 1);
        StringBuilder kept = new StringBuilder();
        n.codePoints().forEach(cp -> {
            int t = Character.getType(cp);
            boolean control = t == Character.CONTROL || t == Character.FORMAT || t == Character.SURROGATE
                    || t == Character.PRIVATE_USE || t == Character.UNASSIGNED;
            if (!control && "<>:\"|?*;%".indexOf(cp) < 0) {
                kept.appendCodePoint(cp);
            }
        });
        String s = kept.toString().strip();
        while (s.startsWith(".")) {
            s = s.substring(1);
        }
        if (s.length() > 100) {
            String ext = extension(s);
            s = s.substring(0, 90) + (ext == null ? "" : "." + ext);
        }
        return s.isBlank() ? "document" : s;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 1 || dot == name.length() - 1 ? null : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static byte[] reencode(byte[] content, Type type) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (in == null || !readers.hasNext()) {
                throw new InvalidInput("document.damaged");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) {
                    throw new InvalidInput("document.imageTooLarge");
                }
                BufferedImage image = reader.read(0);
                BufferedImage plain = image;
                if (type == Type.JPEG && image.getColorModel().hasAlpha()) {
                    plain = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
                    plain.getGraphics().drawImage(image, 0, 0, null);
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream(content.length);
                if (!ImageIO.write(plain, type == Type.JPEG ? "jpeg" : "png", out)) {
                    throw new InvalidInput("document.damaged");
                }
                return out.toByteArray();
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInput refused) {
                throw refused;
            }
            throw new InvalidInput("document.damaged");
        }
    }

    private static byte[] checkPdf(byte[] content) {
        try (PDDocument pdf = Loader.loadPDF(new RandomAccessReadBuffer(content))) {
            if (pdf.isEncrypted()) {
                throw new InvalidInput("document.pdfEncrypted");
            }
            if (pdf.getNumberOfPages() < 1) {
                throw new InvalidInput("document.damaged");
            }
            if (active(pdf.getDocument().getTrailer())) {
                throw new InvalidInput("document.pdfActive");
            }
            return content;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInput refused) {
                throw refused;
            }
            throw new InvalidInput("document.damaged");
        }
    }

    /** Whether anything reachable from the trailer is a script, an action that runs or opens, or an embedded file. */
    static boolean active(COSDictionary trailer) {
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSBase> todo = new ArrayDeque<>();
        todo.push(trailer);
        while (!todo.isEmpty()) {
            COSBase next = todo.pop();
            if (next instanceof COSObject reference) {
                next = reference.getObject();
            }
            if (next == null || !seen.add(next)) {
                continue;
            }
            if (seen.size() > MAX_PDF_OBJECTS) {
                return true;
            }
            if (next instanceof COSDictionary dictionary) {
                for (COSName key : dictionary.keySet()) {
                    if (FORBIDDEN_KEYS.contains(key)) {
                        return true;
                    }
                }
                COSBase action = dictionary.getDictionaryObject(COSName.S);
                if (action instanceof COSName s && FORBIDDEN_ACTIONS.contains(s)) {
                    return true;
                }
                COSBase type = dictionary.getDictionaryObject(COSName.TYPE);
                if (COSName.EMBEDDED_FILE.equals(type) || COSName.getPDFName("Filespec").equals(type)
                        && dictionary.containsKey(COSName.EF)) {
                    return true;
                }
                for (COSBase value : dictionary.getValues()) {
                    todo.push(value);
                }
            } else if (next instanceof COSArray array) {
                for (COSBase value : array) {
                    todo.push(value);
                }
            }
        }
        return false;
    }
}
