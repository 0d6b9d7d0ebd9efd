package org.continuum.platform.control;

import jakarta.ejb.ApplicationException;

import java.util.List;
import java.util.function.Supplier;

/**
 * Input refused by a domain rule. The message is a resource-bundle key (for example
 * {@code intake.consent.required}), optionally followed by {@code :argument}; it never contains the input itself.
 * A refusal can carry several keys so that a form shows every problem at once.
 */
@ApplicationException(rollback = true)
public class InvalidInput extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> keys;

    public InvalidInput(String messageKey) {
        this(List.of(messageKey));
    }

    public InvalidInput(List<String> messageKeys) {
        super(String.join(", ", messageKeys));
        this.keys = List.copyOf(messageKeys);
    }

    public String messageKey() {
        return keys.get(0);
    }

    public List<String> messageKeys() {
        return keys;
    }

    /** Runs a domain change and turns the entity's refusals (their messages are bundle keys) into InvalidInput. */
    public static <T> T whenRefused(Supplier<T> change) {
        try {
            return change.get();
        } catch (IllegalArgumentException | IllegalStateException | NullPointerException refused) {
            String key = refused.getMessage();
            throw new InvalidInput(isMessageKey(key) ? key : "input.invalid");
        }
    }

    /** A bundle key (letters and dots, optionally {@code :ARG}), not a library's free-text message. */
    static boolean isMessageKey(String key) {
        if (key == null || key.isEmpty() || key.length() > 100 || key.indexOf('.') < 0) {
            return false;
        }
        return key.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == ':' || c == '_');
    }

    public static void whenRefused(Runnable change) {
        whenRefused(() -> {
            change.run();
            return null;
        });
    }
}
