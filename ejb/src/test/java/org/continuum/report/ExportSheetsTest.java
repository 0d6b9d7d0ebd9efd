package org.continuum.report;

import org.continuum.report.control.ExportSheets;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/** A dataset longer than a sheet may hold goes on in further sheets, each with its header, none lost. */
class ExportSheetsTest {

    /** The cases dataset counts every row before it writes one: its header reaches the reader before that. */
    @Test
    void theCsvHeaderLeavesBeforeTheFirstRowIsProduced() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] seenBeforeRows = new String[1];
        long rows = ExportSheets.csv(out, List.of("pseudonym", "team"), sink -> {
            seenBeforeRows[0] = out.toString(StandardCharsets.UTF_8);
            sink.accept(List.of("P-1", "MENA"));
            return 1;
        });
        assertThat(rows).isEqualTo(1);
        assertThat(seenBeforeRows[0]).isEqualTo("pseudonym,team\r\n");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("pseudonym,team\r\nP-1,MENA\r\n");
    }

    @Test
    void aDatasetPastTheSheetLimitContinuesInNumberedSheets() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportSheets.Xlsx workbook = new ExportSheets.Xlsx(out, 5);
        long cases = workbook.sheet("cases", List.of("pseudonym"), sink -> {
            sink.accept(List.of("P-1"));
            return 1;
        });
        long audit = workbook.sheet("audit", List.of("occurred_at", "action"), sink -> {
            for (int i = 1; i <= 11; i++) {
                sink.accept(List.of("2026-11-30", "ROW-" + i));
            }
            return 11;
        });
        workbook.finish();

        assertThat(cases).isEqualTo(1);
        assertThat(audit).isEqualTo(11);
        Path file = Files.createTempFile("sheets", ".xlsx");
        try {
            Files.write(file, out.toByteArray());
            try (ZipFile zip = new ZipFile(file.toFile())) {
                String book = new String(zip.getInputStream(zip.getEntry("xl/workbook.xml")).readAllBytes(),
                        StandardCharsets.UTF_8);
                assertThat(names(book)).containsExactly("cases", "audit", "audit-2", "audit-3");
                List<String> shared = strings(zip);
                List<Integer> rowsPerSheet = new ArrayList<>();
                StringBuilder auditSheets = new StringBuilder();
                for (int sheet = 2; sheet <= 4; sheet++) {
                    String xml = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet" + sheet + ".xml"))
                            .readAllBytes(), StandardCharsets.UTF_8);
                    rowsPerSheet.add(count(xml, "<row "));
                    auditSheets.append(xml);
                }
                assertThat(rowsPerSheet).containsExactly(5, 5, 4);
                for (int i = 1; i <= 11; i++) {
                    assertThat(count(auditSheets.toString(), "<t>ROW-" + i + "</t>")).as("row %d, inline", i)
                            .isEqualTo(1);
                }
                assertThat(shared).as("data cells are inline strings: no table of every value is kept in memory")
                        .noneMatch(v -> v.startsWith("ROW-"));
                assertThat(Collections.frequency(shared, "occurred_at")).isEqualTo(1);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static List<String> names(String workbook) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("<sheet name=\"([^\"]+)\"").matcher(workbook);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static List<String> strings(ZipFile zip) throws java.io.IOException {
        var entry = zip.getEntry("xl/sharedStrings.xml");
        List<String> values = new ArrayList<>();
        if (entry == null) {
            return values;
        }
        Matcher m = Pattern.compile("<t[^>]*>([^<]*)</t>").matcher(new String(zip.getInputStream(entry).readAllBytes(),
                StandardCharsets.UTF_8));
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
