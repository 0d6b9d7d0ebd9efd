package org.continuum.seed;

import org.continuum.seed.control.SeedError;
import org.continuum.seed.control.SeedFile;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SeedFileTest {

    private record Row(String code, int step, List<String> languages) {
    }

    private static List<Row> read(String csv) {
        return SeedFile.read("test.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                List.of("code", "step", "languages"),
                line -> new Row(line.code("code"), line.integer("step", 1, 7), line.languages("languages")));
    }

    @Test
    void validLinesAreMappedCommentsAndBlankLinesSkipped() {
        List<Row> rows = read("# comment\ncode,step,languages\nsafe-place,4,fr|en\n\nrelocation,6,ar\n");
        assertThat(rows).containsExactly(new Row("safe-place", 4, List.of("fr", "en")),
                new Row("relocation", 6, List.of("ar")));
    }

    @Test
    void everyProblemIsReportedWithLineAndColumn() {
        SeedError error = catchThrowableOfType(SeedError.class,
                () -> read("code,step,languages\nok,9,en\n,2,xx|en\nfine,two,fr\n"));
        assertThat(error.problems()).containsExactly(
                "test.csv line 1, column 'step': '9' must be between 1 and 7",
                "test.csv line 2, column 'code': is required",
                "test.csv line 2, column 'languages': 'xx' is not an ISO 639-1 language code (e.g. en, ar, ru)",
                "test.csv line 3, column 'step': 'two' is not a whole number");
    }

    @Test
    void missingColumnsAndMissingFilesAreNamed() {
        SeedError columns = catchThrowableOfType(SeedError.class, () -> read("code,languages\nx,en\n"));
        assertThat(columns.getMessage()).contains("missing column(s) [step]");
        SeedError file = catchThrowableOfType(SeedError.class,
                () -> SeedFile.read("seeds/none.csv", null, List.of("a"), line -> line));
        assertThat(file.getMessage()).contains("seeds/none.csv: file not found");
    }

    @Test
    void shippedReferenceAndDemoFilesAreValid() {
        assertThat(readShipped("reference/partners.csv", List.of("code", "name", "kind", "languages")))
                .hasSizeGreaterThanOrEqualTo(25);
        assertThat(readShipped("reference/measures.csv", List.of("code", "continuum_step", "name_en", "name_fr")))
                .hasSizeGreaterThanOrEqualTo(14);
        assertThat(readShipped("demo/safe-places.csv", List.of("name", "kind", "country", "area", "address")))
                .hasSizeGreaterThanOrEqualTo(4);
        List<String> cases = readShipped("demo/cases.csv", List.of("pseudonym", "legal_name", "country"));
        assertThat(String.join(" ", cases)).contains("Анна Смирнова").contains("ليلى منصور");
    }

    private static List<String> readShipped(String path, List<String> columns) {
        InputStream in = SeedFileTest.class.getClassLoader().getResourceAsStream("seeds/" + path);
        return SeedFile.read(path, in, columns, line -> {
            StringBuilder all = new StringBuilder();
            for (String c : columns) {
                all.append(line.required(c)).append(' ');
            }
            return all.toString();
        });
    }
}
