package org.continuum.seed.control;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads one CSV seed file and validates each line. Every problem is collected with its file, line and column, and
 * all are reported together, so whoever edits a seed file fixes it in one round instead of one error per start.
 */
public final class SeedFile {

    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final String name;
    private final List<String> errors = new ArrayList<>();

    private SeedFile(String name) {
        this.name = name;
    }

    /** Parses {@code in} and maps each valid line with {@code mapper}; throws {@link SeedError} listing all errors. */
    public static <T> List<T> read(String name, InputStream in, List<String> requiredColumns,
                                   Function<Line, T> mapper) {
        if (in == null) {
            throw new SeedError(List.of(name + ": file not found"));
        }
        SeedFile file = new SeedFile(name);
        List<T> result = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setCommentMarker('#').setIgnoreEmptyLines(true).setTrim(true).get();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> missing = requiredColumns.stream().filter(c -> !parser.getHeaderMap().containsKey(c))
                    .toList();
            if (!missing.isEmpty()) {
                throw new SeedError(List.of(name + ": missing column(s) " + missing + "; expected "
                        + requiredColumns));
            }
            for (CSVRecord csv : parser) {
                Line line = file.new Line(csv);
                if (!csv.isConsistent()) {
                    line.error(null, "has " + csv.size() + " values, the header has " + parser.getHeaderMap().size());
                    continue;
                }
                int before = file.errors.size();
                T mapped = mapper.apply(line);
                if (file.errors.size() == before && mapped != null) {
                    result.add(mapped);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new SeedError(List.of(name + ": unreadable (" + e.getMessage() + ")"));
        }
        if (!file.errors.isEmpty()) {
            throw new SeedError(file.errors);
        }
        return result;
    }

    /** One line of a seed file, with typed accessors that record errors instead of throwing. */
    public final class Line {
        private final CSVRecord csv;

        Line(CSVRecord csv) {
            this.csv = csv;
        }

        public void error(String column, String message) {
            errors.add(name + " line " + csv.getRecordNumber() + (column == null ? "" : ", column '" + column + "'")
                    + ": " + message);
        }

        public String optional(String column) {
            String value = csv.get(column);
            return value == null || value.isBlank() ? null : value;
        }

        public String required(String column) {
            String value = optional(column);
            if (value == null) {
                error(column, "is required");
            }
            return value;
        }

        public String code(String column) {
            String value = required(column);
            if (value != null && !value.matches("[A-Za-z0-9._-]{2,60}")) {
                error(column, "'" + value + "' must be 2-60 letters, digits, '.', '_' or '-'");
            }
            return value;
        }

        public int integer(String column, int min, int max) {
            String value = required(column);
            if (value == null) {
                return min;
            }
            try {
                int parsed = Integer.parseInt(value);
                if (parsed < min || parsed > max) {
                    error(column, "'" + value + "' must be between " + min + " and " + max);
                }
                return parsed;
            } catch (NumberFormatException e) {
                error(column, "'" + value + "' is not a whole number");
                return min;
            }
        }

        /** A whole number in [min, max], or null when the optional cell is empty. */
        public Integer optionalInteger(String column, int min, int max) {
            return optional(column) == null ? null : integer(column, min, max);
        }

        /** A non-negative amount with at most two decimals; null when the optional cell is empty. */
        public java.math.BigDecimal amount(String column, boolean required) {
            String value = required ? required(column) : optional(column);
            if (value == null) {
                return null;
            }
            try {
                java.math.BigDecimal parsed = new java.math.BigDecimal(value);
                if (parsed.signum() < 0 || parsed.scale() > 2) {
                    error(column, "'" + value + "' must be an amount >= 0 with at most two decimals");
                }
                return parsed;
            } catch (NumberFormatException e) {
                error(column, "'" + value + "' is not an amount like 7500.00");
                return null;
            }
        }

        public java.time.LocalDate date(String column) {
            String value = required(column);
            if (value == null) {
                return null;
            }
            try {
                return java.time.LocalDate.parse(value);
            } catch (java.time.format.DateTimeParseException e) {
                error(column, "'" + value + "' is not a date like 2026-01-31");
                return null;
            }
        }

        public boolean flag(String column) {
            String value = required(column);
            if (value != null && !"true".equals(value) && !"false".equals(value)) {
                error(column, "'" + value + "' must be true or false");
            }
            return "true".equals(value);
        }

        public <E extends Enum<E>> E enumValue(String column, Class<E> type) {
            String value = required(column);
            if (value == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                error(column, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
                return null;
            }
        }

        /** A list separated by '|'; each element checked by {@code element}. */
        public List<String> list(String column, boolean required, Function<String, String> element) {
            String value = required ? required(column) : optional(column);
            if (value == null) {
                return List.of();
            }
            List<String> items = new ArrayList<>();
            for (String raw : value.split("\\|")) {
                String item = raw.strip();
                if (item.isEmpty()) {
                    error(column, "has an empty element");
                    continue;
                }
                String problem = element.apply(item);
                if (problem != null) {
                    error(column, problem);
                } else {
                    items.add(item);
                }
            }
            return items;
        }

        public List<String> languages(String column) {
            return list(column, true, l -> LANGUAGES.contains(l) ? null
                    : "'" + l + "' is not an ISO 639-1 language code (e.g. en, ar, ru)");
        }

        /** ISO 3166 country codes separated by '|' (an empty optional cell is an empty list). */
        public List<String> countries(String column, boolean required) {
            return list(column, required, c -> isCountry(c) ? null
                    : "'" + c + "' is not an ISO 3166 country code (e.g. FR, RU, NG)");
        }

        /** True for an ISO 3166 country code. */
        public boolean isCountry(String code) {
            return COUNTRIES.contains(code);
        }

        public String country(String column) {
            String value = required(column);
            if (value != null && !COUNTRIES.contains(value)) {
                error(column, "'" + value + "' is not an ISO 3166 country code (e.g. FR, RU, NG)");
            }
            return value;
        }
    }
}
