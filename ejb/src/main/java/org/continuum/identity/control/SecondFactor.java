package org.continuum.identity.control;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.commons.codec.binary.Base32;

import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Time-based one-time codes (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps, as every authenticator app reads them),
 * computed by the java-otp library, and the single-use recovery codes. A code is accepted for the current step and
 * one step either side (clock drift), and only for a step later than the last one accepted on the account, so a
 * code seen over someone's shoulder is worthless once used.
 */
@ApplicationScoped
public class SecondFactor {

    public static final Duration STEP = Duration.ofSeconds(30);
    public static final int RECOVERY_CODES = 10;
    static final int DRIFT_STEPS = 1;
    private static final String ISSUER = "Continuum";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator(STEP);

    /** A new shared secret: 160 random bits in Base32 (the length RFC 4226 recommends for HMAC-SHA1). */
    public String newSecret() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return new Base32().encodeToString(bytes).replace("=", "");
    }

    /** The time step an instant falls in. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP.toSeconds());
    }

    /** The code for the step {@code at} falls in. */
    public String code(String secret, Instant at) {
        try {
            return totp.generateOneTimePasswordString(key(secret), Instant.ofEpochSecond(step(at) * STEP.toSeconds()),
                    Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("second-factor secret unusable", e);
        }
    }

    /**
     * The step whose code {@code typed} is, if it is the code of the current step or one step either side and that
     * step is later than {@code lastAcceptedStep} (null: none yet); empty otherwise.
     */
    public OptionalLong accept(String secret, String typed, Long lastAcceptedStep, Instant now) {
        String code = typed == null ? "" : typed.replaceAll("\\s", "");
        if (!code.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        long current = step(now);
        for (long s = current - DRIFT_STEPS; s <= current + DRIFT_STEPS; s++) {
            boolean fresh = lastAcceptedStep == null || s > lastAcceptedStep;
            if (fresh && MessageDigest.isEqual(code.getBytes(StandardCharsets.US_ASCII),
                    code(secret, Instant.ofEpochSecond(s * STEP.toSeconds())).getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(s);
            }
        }
        return OptionalLong.empty();
    }

    /** What an authenticator app reads from the QR code (Key URI format: issuer, account, secret). */
    public String provisioningUri(String username, String secret) {
        String label = URLEncoder.encode(ISSUER + ":" + username, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + ISSUER + "&algorithm=SHA1&digits=6"
                + "&period=" + STEP.toSeconds();
    }

    /** Ten new recovery codes, e.g. {@code k7q2m-x9d4t}: 50 random bits each, easy to read and type. */
    public List<String> newRecoveryCodes() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            byte[] bytes = new byte[7];
            RANDOM.nextBytes(bytes);
            String text = new Base32().encodeToString(bytes).substring(0, 10).toLowerCase(Locale.ROOT);
            codes.add(text.substring(0, 5) + "-" + text.substring(5));
        }
        return codes;
    }

    /** A typed recovery code in the shape it was issued in, or null when it cannot be one. */
    public static String normalisedRecoveryCode(String typed) {
        String text = typed == null ? "" : typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        return text.matches("[a-z2-7]{10}") ? text.substring(0, 5) + "-" + text.substring(5) : null;
    }

    /** SHA-256 in hex: how recovery codes and login tickets are stored (both random and long). */
    public static String digest(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A random single-use token (256 bits, URL-safe). */
    public static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static SecretKeySpec key(String secret) {
        return new SecretKeySpec(new Base32().decode(secret), "HmacSHA1");
    }
}
