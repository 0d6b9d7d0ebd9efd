package org.continuum.intake.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.continuum.identity.control.PasswordHasher;
import org.continuum.security.control.FieldCipher;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * The 16-digit receipt code a requester keeps to come back. It is shown once and never stored: the database holds a
 * keyed index of it (the blind-index key lives in the key folder, so a stolen database alone cannot be searched for
 * codes) to find the request, and a slow salted hash (the password hashing, PBKDF2) to check it.
 */
@ApplicationScoped
public class ReceiptCodes {

    static final int DIGITS = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    FieldCipher cipher;

    @Inject
    PasswordHasher hasher;

    /** A new code, in groups of four digits as the person is shown it. */
    public String newCode() {
        StringBuilder code = new StringBuilder(DIGITS + 3);
        for (int i = 0; i < DIGITS; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append(' ');
            }
            code.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return code.toString();
    }

    /** The code's 16 digits, whatever spaces or dashes the person typed; empty when it cannot be a code. */
    public static Optional<String> digits(String typed) {
        if (typed == null || typed.length() > 40) {
            return Optional.empty();
        }
        String digits = typed.replaceAll("[\\s\\-]", "");
        return digits.length() == DIGITS && digits.chars().allMatch(c -> c >= '0' && c <= '9')
                ? Optional.of(digits) : Optional.empty();
    }

    /** The code's index under the primary index key (stored with the key's id, which a later rotation needs). */
    public FieldCipher.Index index(String digits) {
        return cipher.keyedIndex("receipt " + digits);
    }

    /** The code's index under every index key: an index rotation cannot rebuild receipt indexes without the code. */
    public List<String> indexes(String digits) {
        return cipher.blindIndexes("receipt " + digits);
    }

    public String hash(String digits) {
        return hasher.hash(digits.toCharArray());
    }

    public boolean matches(String digits, String hash) {
        return hasher.verify(digits.toCharArray(), hash);
    }

    /** Spends the time of a check when no request has the code, so timing says nothing either. */
    public void decoy(String digits) {
        hasher.verifyDecoy(digits.toCharArray());
    }
}
