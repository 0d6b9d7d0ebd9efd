package org.continuum.report;

import org.continuum.report.boundary.AuditorExport;
import org.continuum.report.control.ExportPseudonyms;
import org.continuum.report.control.ExportSheets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * P4, writer side (QUALITY.md): 100,000 generated case rows pseudonymised and streamed through the exports' own CSV
 * and XLSX writers to a counting sink; prints rows/s and the peak heap. The database read (keyset pages of 1,000)
 * is not in this figure. Run: {@code mvn -pl ejb test -Dtest=ExportBenchmark -Dgroups=benchmark
 * -Dexcluded.groups=none -DargLine=-Xmx256m}.
 */
@Tag("benchmark")
class ExportBenchmark {

    static final int ROWS = 100_000;

    static final class Counting extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    static long produce(ExportPseudonyms p, Consumer<List<String>> sink) {
        for (long id = 1; id <= ROWS; id++) {
            sink.accept(List.of(p.of(id), "MENA", "LB", "PROFESSIONAL_DEFENDER", "PROTECTION_SUPPORT", "HIGH",
                    "EMAIL", "PROTECTION_PLAN", "HIGH", "2026-11-0" + (id % 9 + 1), "", "", "", "", "",
                    Long.toString(id % 4)));
        }
        return ROWS;
    }

    static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    @Test
    void p4ExportOfAHundredThousandCases() {
        for (int warm = 0; warm < 2; warm++) {
            ExportSheets.csv(new Counting(), AuditorExport.CASE_COLUMNS, s -> produce(new ExportPseudonyms(), s));
        }
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        Counting csvOut = new Counting();
        long t0 = System.nanoTime();
        long csvRows = ExportSheets.csv(csvOut, AuditorExport.CASE_COLUMNS, s -> produce(new ExportPseudonyms(), s));
        long t1 = System.nanoTime();
        Counting xlsxOut = new Counting();
        ExportSheets.Xlsx xlsx = new ExportSheets.Xlsx(xlsxOut);
        long xlsxRows = xlsx.sheet("cases", AuditorExport.CASE_COLUMNS, s -> produce(new ExportPseudonyms(), s));
        xlsx.finish();
        long t2 = System.nanoTime();
        assertThat(csvRows).isEqualTo(ROWS);
        assertThat(xlsxRows).isEqualTo(ROWS);
        Logger.getLogger(ExportBenchmark.class.getName()).info(String.format(
                "P4 (writers): %,d pseudonymised case rows: CSV %,.0f rows/s (%.1f MB), XLSX %,.0f rows/s (%.1f MB);"
                        + " peak heap %.0f MB of max %.0f MB", ROWS, ROWS / ((t1 - t0) / 1e9), csvOut.bytes / 1e6,
                ROWS / ((t2 - t1) / 1e9), xlsxOut.bytes / 1e6, peakHeap() / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6));
    }
}
