package org.continuum.document;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.continuum.document.control.PdfComposer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * P3 (QUALITY.md): a dossier of a case with 50 timeline events in Latin, Cyrillic and Arabic script, written by
 * {@link PdfComposer} (shaping, bidi, wrapping, watermark, page numbers, AES-256), against plain PDFBox writing the
 * same lines with the same embedded font and nothing else. Prints p50 of both and the ratio; asserts no time.
 * Run: {@code mvn -pl ejb test -Dtest=DossierBenchmark -Dgroups=benchmark -Dexcluded.groups=none}.
 */
@Tag("benchmark")
class DossierBenchmark {

    static final int EVENTS = 50;
    static final int WARMUP = 30;
    static final int RUNS = 100;

    static List<String> lines() {
        List<String> lines = new ArrayList<>(List.of("Dossier CF-2026-000042", "Nom légal: ليلى منصور",
                "Alias: Анна Смирнова-Кузнецова", "Ville: Besançon", "Pays: LB · Langues: ar, en, fr"));
        for (int i = 0; i < EVENTS; i++) {
            lines.add("2026-11-" + (10 + i % 20) + " 10:" + (10 + i) + " UTC · sofia.mentor · REASSESSED · level=HIGH"
                    + " · Угрозы у дома продолжаются; تهديدات مستمرة قرب المنزل; the mentor met her at the office " + i);
        }
        return lines;
    }

    static byte[] composed(List<String> lines) {
        try (PdfComposer pdf = new PdfComposer("Continuum · confidential · bench · 2026-11-24", "CF-2026-000042")) {
            for (String line : lines) {
                pdf.item(line);
            }
            return pdf.finish().pdf();
        }
    }

    static byte[] plain(List<String> lines) throws Exception {
        try (PDDocument doc = new PDDocument(); InputStream font = DossierBenchmark.class.getResourceAsStream(
                "/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf")) {
            PDType0Font f = PDType0Font.load(doc, font, true);
            PDPage page = null;
            PDPageContentStream cs = null;
            float y = 0;
            for (String line : lines) {
                for (String part : line.split("(?<=\\G.{95})")) {
                    if (cs == null || y < 60) {
                        if (cs != null) {
                            cs.close();
                        }
                        page = new PDPage(PDRectangle.A4);
                        doc.addPage(page);
                        cs = new PDPageContentStream(doc, page);
                        y = 790;
                    }
                    cs.beginText();
                    cs.setFont(f, 10);
                    cs.newLineAtOffset(50, y);
                    cs.showText(part);
                    cs.endText();
                    y -= 14;
                }
            }
            if (cs != null) {
                cs.close();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void p3DossierWithFiftyEventsAgainstPlainPdfBox() throws Exception {
        List<String> lines = lines();
        for (int i = 0; i < WARMUP; i++) {
            composed(lines);
            plain(lines);
        }
        long[] ours = new long[RUNS];
        long[] base = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            byte[] a = composed(lines);
            long t1 = System.nanoTime();
            byte[] b = plain(lines);
            long t2 = System.nanoTime();
            ours[i] = t1 - t0;
            base[i] = t2 - t1;
            assertThat(a.length).isPositive();
            assertThat(b.length).isPositive();
        }
        Arrays.sort(ours);
        Arrays.sort(base);
        double p50 = ours[RUNS / 2] / 1e6;
        double plainP50 = base[RUNS / 2] / 1e6;
        Logger.getLogger(DossierBenchmark.class.getName()).info(String.format(
                "P3: dossier with %d events (Latin, Cyrillic, Arabic): p50 %.1f ms (p90 %.1f ms); plain PDFBox, same"
                        + " text and font: p50 %.1f ms; ratio %.2f", EVENTS, p50, ours[RUNS * 9 / 10] / 1e6, plainP50,
                p50 / plainP50));
    }
}
