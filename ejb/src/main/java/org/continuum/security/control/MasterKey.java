package org.continuum.security.control;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Properties;

/**
 * The key that encrypts the keysets at rest, derived from the operator's passphrase ({@link KeyPassphrase}) with
 * PBKDF2-HMAC-SHA256 and a random salt. The salt, the iteration count and a check value (a known text sealed with
 * the derived key) are kept in {@code master.properties} beside the keysets: none of it opens anything without the
 * passphrase, and the check tells a wrong passphrase apart from a damaged keyset.
 */
public final class MasterKey {

    static final String FILE = "master.properties";
    static final String KDF = "PBKDF2WithHmacSHA256";
    /** OWASP's figure for PBKDF2-HMAC-SHA256 (2023); paid once per start. */
    static final int ITERATIONS = 600_000;
    private static final byte[] CHECK = "continuum master key check".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CHECK_CONTEXT = FILE.getBytes(StandardCharsets.UTF_8);

    private final Aead aead;

    private MasterKey(Aead aead) {
        this.aead = aead;
    }

    /** Opens the folder's master key with {@code passphrase} (made on first use); the passphrase is wiped. */
    public static MasterKey open(KeyFolder folder, char[] passphrase) {
        Path file = folder.dir().resolve(FILE);
        folder.finishRotation();
        try {
            Properties p = new Properties();
            p.load(new StringReader(folder.readOrCreate(FILE, () -> describe(passphrase))));
            if (!KDF.equals(p.getProperty("kdf"))) {
                throw new IllegalStateException("Unknown key derivation in " + file);
            }
            Aead aead = derive(passphrase, Base64.getDecoder().decode(required(p, "salt", file)),
                    Integer.parseInt(required(p, "iterations", file)));
            try {
                aead.decrypt(Base64.getDecoder().decode(required(p, "check", file)), CHECK_CONTEXT);
            } catch (GeneralSecurityException wrong) {
                throw new IllegalStateException("The keys passphrase does not open the key folder "
                        + folder.dir() + ": it is not the passphrase these keys were made with");
            }
            return new MasterKey(aead);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot open the master key in " + file + " (damaged file)", e);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    private static String required(Properties p, String key, Path file) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("No " + key + " in " + file + " (damaged file)");
        }
        return value;
    }

    /** Encrypts and decrypts the keysets (each bound to its file name). */
    Aead aead() {
        return aead;
    }

    /** A new master key from {@code passphrase}: the text of its {@code master.properties}, and the key. */
    record Made(String properties, MasterKey key) {
    }

    /** Makes a new master key (a new salt) for a rotation; the passphrase is not wiped here. */
    static Made make(char[] passphrase) {
        String text = describe(passphrase);
        try {
            Properties p = new Properties();
            p.load(new StringReader(text));
            return new Made(text, new MasterKey(derive(passphrase, Base64.getDecoder().decode(p.getProperty("salt")),
                    Integer.parseInt(p.getProperty("iterations")))));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make the master key", e);
        }
    }

    private static String describe(char[] passphrase) {
        try {
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            Aead aead = derive(passphrase, salt, ITERATIONS);
            Properties p = new Properties();
            p.setProperty("kdf", KDF);
            p.setProperty("iterations", Integer.toString(ITERATIONS));
            p.setProperty("salt", Base64.getEncoder().encodeToString(salt));
            p.setProperty("check", Base64.getEncoder().encodeToString(aead.encrypt(CHECK, CHECK_CONTEXT)));
            StringWriter out = new StringWriter();
            p.store(out, "Continuum master key: salt and check of the passphrase-derived key (no key in here)");
            return out.toString();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot make the master key", e);
        }
    }

    private static Aead derive(char[] passphrase, byte[] salt, int iterations) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
        try {
            byte[] key = SecretKeyFactory.getInstance(KDF).generateSecret(spec).getEncoded();
            try {
                return new AesGcmJce(key);
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        } finally {
            spec.clearPassword();
        }
    }
}
