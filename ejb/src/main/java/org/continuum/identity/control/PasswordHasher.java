package org.continuum.identity.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import java.util.Map;

/**
 * Password hashing with Jakarta Security's PBKDF2 (HMAC-SHA-512, 210,000 iterations, 32-byte salt: the OWASP
 * figure for this algorithm). The encoded hash carries its parameters, so they can be raised later without
 * invalidating stored passwords.
 */
@ApplicationScoped
public class PasswordHasher {

    public static final int MIN_LENGTH = 12;

    @Inject
    Pbkdf2PasswordHash hash;

    /** A hash of a password nobody has, to spend the same time when the username is unknown. */
    private String decoy;

    @PostConstruct
    void configure() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        decoy = hash.generate("decoy-password-never-used".toCharArray());
    }

    public String hash(char[] password) {
        if (password == null || password.length < MIN_LENGTH) {
            throw new IllegalArgumentException("password.tooShort");
        }
        return hash.generate(password);
    }

    public boolean verify(char[] password, String storedHash) {
        return password != null && hash.verify(password, storedHash);
    }

    /** Burns the same time as a real verification. */
    public void verifyDecoy(char[] password) {
        hash.verify(password == null ? new char[0] : password, decoy);
    }
}
