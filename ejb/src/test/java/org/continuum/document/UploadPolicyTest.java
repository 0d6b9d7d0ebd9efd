package org.continuum.document;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.continuum.document.control.UploadPolicy;
import org.continuum.platform.control.InvalidInput;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * S12: what the document policy keeps and refuses, by content. Every hostile file here is refused with its reason;
 * what is kept is re-encoded (images) or checked (PDF); nothing is ever written to a file.
 */
class UploadPolicyTest {

    private static final String GPS = "GPSLatitude 48.8583N GPSLongitude 2.2945E";

    static byte[] image(String format) throws IOException {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0xFF0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /** A JPEG with an EXIF segment carrying a position, inserted after the start-of-image marker. */
    static byte[] jpegWithGps() throws IOException {
        byte[] jpeg = image("jpeg");
        byte[] exif = ("Exif\0\0MM\0*" + GPS).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + exif.length + 4);
        out.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xE1).putShort((short) (exif.length + 2)).put(exif)
                .put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    static byte[] pdf(java.util.function.Consumer<PDDocument> change) throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            change.accept(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A PNG whose header claims 100,000 × 100,000 pixels: a decompression bomb. */
    static byte[] pngBomb() {
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(100_000).putInt(100_000).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4 + 12).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10})
                .putInt(13).put(ihdr.array()).putInt((int) crc.getValue())
                .putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt(0xAE426082).array();
    }

    static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("a.pdf"));
            zip.write(new byte[5_000_000]);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static void refused(String name, byte[] content, String key) {
        assertThatThrownBy(() -> UploadPolicy.check(name, content)).as(name)
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    @Test
    void imagesAreKeptReencodedWithoutTheirMetadata() throws IOException {
        byte[] withGps = jpegWithGps();
        assertThat(new String(withGps, StandardCharsets.ISO_8859_1)).contains(GPS);
        UploadPolicy.Checked jpeg = UploadPolicy.check("passport scan.JPG", withGps);
        assertThat(jpeg.type()).isEqualTo(UploadPolicy.Type.JPEG);
        assertThat(new String(jpeg.content(), StandardCharsets.ISO_8859_1)).doesNotContain("GPS", "Exif");
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(jpeg.content())).getWidth()).isEqualTo(40);
        UploadPolicy.Checked png = UploadPolicy.check("صورة التهديد.png", image("png"));
        assertThat(png.type()).isEqualTo(UploadPolicy.Type.PNG);
        assertThat(png.name()).isEqualTo("صورة التهديد.png");
        assertThat(UploadPolicy.check("no extension", image("png")).name()).isEqualTo("no extension.png");
    }

    @Test
    void aPlainPdfIsKeptAndOneThatCarriesScriptOrFilesIsRefused() throws IOException {
        assertThat(UploadPolicy.check("police-report.pdf", pdf(d -> { })).type()).isEqualTo(UploadPolicy.Type.PDF);
        refused("open-action.pdf", pdf(d -> d.getDocumentCatalog().setOpenAction(
                new PDActionJavaScript("app.alert('x')"))), "document.pdfActive");
        refused("names-js.pdf", pdf(d -> {
            COSDictionary names = new COSDictionary();
            names.setItem(COSName.JAVA_SCRIPT, new COSDictionary());
            d.getDocumentCatalog().getCOSObject().setItem(COSName.NAMES, names);
        }), "document.pdfActive");
        refused("embedded.pdf", pdf(d -> {
            COSDictionary names = new COSDictionary();
            names.setItem(COSName.EMBEDDED_FILES, new COSDictionary());
            d.getDocumentCatalog().getCOSObject().setItem(COSName.NAMES, names);
        }), "document.pdfActive");
        refused("launch.pdf", pdf(d -> {
            COSDictionary action = new COSDictionary();
            action.setItem(COSName.S, COSName.getPDFName("Launch"));
            d.getPage(0).getCOSObject().setItem(COSName.getPDFName("AA"), action);
        }), "document.pdfActive");
        refused("broken.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog".getBytes(StandardCharsets.US_ASCII),
                "document.damaged");
    }

    @Test
    void everythingElseIsRefusedByItsContentWhateverItsName() throws IOException {
        refused("drawing.svg", "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8), "document.typeRefused");
        refused("photo.jpg", "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8), "document.typeRefused");
        refused("evidence.zip", zipBomb(), "document.typeRefused");
        refused("evidence.pdf", zipBomb(), "document.typeRefused");
        refused("page.html", "<html><script>x</script></html>".getBytes(StandardCharsets.UTF_8), "document.typeRefused");
        refused("setup.exe", new byte[] {'M', 'Z', 0, 0}, "document.typeRefused");
        refused("photo.jpg", pdf(d -> { }), "document.nameMismatch");
        refused("report.pdf", image("png"), "document.nameMismatch");
        refused("huge.png", pngBomb(), "document.imageTooLarge");
        refused("empty.pdf", new byte[0], "document.empty");
        byte[] big = new byte[(int) UploadPolicy.MAX_FILE_BYTES + 1];
        big[0] = '%';
        refused("big.pdf", big, "document.tooLarge");
        refused("fake.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2}, "document.damaged");
    }

    @Test
    void storedNamesKeepTheLettersButNoPathOrControl() {
        assertThat(UploadPolicy.safeName("../../etc/passwd.pdf")).isEqualTo("passwd.pdf");
        assertThat(UploadPolicy.safeName("..\\..\\windows\\win.ini")).isEqualTo("win.ini");
        assertThat(UploadPolicy.safeName("....pdf")).isEqualTo("pdf");
        assertThat(UploadPolicy.safeName("a\u0000b\u202Egpj.pdf")).isEqualTo("abgpj.pdf");
        assertThat(UploadPolicy.safeName("паспорт <копия>.pdf")).isEqualTo("паспорт копия.pdf");
        assertThat(UploadPolicy.safeName(null)).isEqualTo("document");
        assertThat(UploadPolicy.safeName("x".repeat(300) + ".pdf")).hasSize(94).endsWith(".pdf");
    }
}
