package org.continuum.identity.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be: at least 12 characters, not the username (nor contain it), not one of the common
 * passwords shipped in {@code identity/common-passwords.txt} (checked offline, case-insensitively, also with the
 * digits and symbols people add at the end), and not a single character or a keyboard run repeated.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = PasswordHasher.MIN_LENGTH;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** The problems with this password for this username (message keys); empty when it may be used. */
    public static List<String> problems(String username, char[] password) {
        List<String> problems = new ArrayList<>();
        String text = password == null ? "" : new String(password);
        if (text.length() < MIN_LENGTH) {
            problems.add("password.tooShort");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            problems.add("password.containsUsername");
        }
        String stem = lower.replaceAll("[^a-z]+$", "").replaceAll("^[^a-z]+", "");
        if (COMMON.contains(lower) || (stem.length() >= 4 && COMMON.contains(stem))
                || lower.chars().distinct().count() <= 3) {
            problems.add("password.common");
        }
        return problems;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getClassLoader()
                .getResourceAsStream("identity/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("identity/common-passwords.txt is missing from the build");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    String word = line.strip().toLowerCase(Locale.ROOT);
                    if (!word.isEmpty() && !word.startsWith("#")) {
                        words.add(word);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
