package org.continuum.report.control;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * The two streaming writers of the exports: CSV (Commons CSV, RFC 4180, UTF-8) and XLSX (fastexcel, one sheet per
 * dataset, flushed every thousand rows). Rows go out as they come; nothing is held but the current page. XLSX cells
 * are inline strings: a shared-strings table would keep every distinct value of the export in memory until the end
 * (a year of audit trail ran a 256 MB server out of heap, P4).
 */
public final class ExportSheets {

    static final int FLUSH_EVERY = 1000;

    private ExportSheets() {
    }

    /** Writes a header and the rows {@code producer} hands over; returns the number of rows. */
    public static long csv(OutputStream out, List<String> columns, java.util.function.ToLongFunction<Consumer<List<String>>>
            producer) {
        try {
            CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                    CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new)).get());
            // The header goes out at once: the download starts while a dataset that counts before it writes (the
            // cases' k-anonymity pass) is still counting, instead of a silent connection a proxy may close.
            csv.flush();
            long rows = producer.applyAsLong(row -> {
                try {
                    csv.printRecord(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            csv.flush();
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An XLSX workbook written sheet after sheet. */
    public static final class Xlsx {
        /** Rows per sheet in the XLSX format (Excel's limit), the header row included. */
        public static final int MAX_SHEET_ROWS = 1_048_576;

        private final Workbook workbook;

        private final int maxSheetRows;

        public Xlsx(OutputStream out) {
            this(out, MAX_SHEET_ROWS);
        }

        /** With a smaller sheet limit, for tests of the split. */
        public Xlsx(OutputStream out, int maxSheetRows) {
            workbook = new Workbook(out, "Continuum", "1.0");
            this.maxSheetRows = maxSheetRows;
        }

        /**
         * Writes one dataset. A sheet holds at most {@link #MAX_SHEET_ROWS} rows (the XLSX format's limit, header
         * included): a longer dataset goes on in {@code name-2}, {@code name-3}…, each with the header again, rather
         * than breaking the download half-way (a year of audit trail passes a million rows).
         */
        public long sheet(String name, List<String> columns,
                          java.util.function.ToLongFunction<Consumer<List<String>>> producer) {
            Worksheet[] sheet = {open(name, columns)};
            int[] part = {1};
            int[] r = {1};
            long rows = producer.applyAsLong(row -> {
                try {
                    if (r[0] == maxSheetRows) {
                        sheet[0].finish();
                        sheet[0] = open(name + "-" + ++part[0], columns);
                        r[0] = 1;
                    }
                    for (int c = 0; c < row.size(); c++) {
                        sheet[0].inlineString(r[0], c, row.get(c));
                    }
                    if (++r[0] % FLUSH_EVERY == 0) {
                        sheet[0].flush();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            try {
                sheet[0].finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return rows;
        }

        private Worksheet open(String name, List<String> columns) {
            Worksheet sheet = workbook.newWorksheet(name);
            for (int c = 0; c < columns.size(); c++) {
                sheet.value(0, c, columns.get(c));
            }
            return sheet;
        }

        public void finish() {
            try {
                workbook.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
