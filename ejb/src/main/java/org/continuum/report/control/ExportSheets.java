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
 * dataset, flushed every thousand rows). Rows go out as they come; nothing is held but the current page.
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
        private final Workbook workbook;

        public Xlsx(OutputStream out) {
            workbook = new Workbook(out, "Continuum", "1.0");
        }

        public long sheet(String name, List<String> columns,
                          java.util.function.ToLongFunction<Consumer<List<String>>> producer) {
            try {
                Worksheet sheet = workbook.newWorksheet(name);
                for (int c = 0; c < columns.size(); c++) {
                    sheet.value(0, c, columns.get(c));
                }
                int[] r = {1};
                long rows = producer.applyAsLong(row -> {
                    for (int c = 0; c < row.size(); c++) {
                        sheet.value(r[0], c, row.get(c));
                    }
                    if (++r[0] % FLUSH_EVERY == 0) {
                        try {
                            sheet.flush();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                });
                sheet.finish();
                return rows;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
