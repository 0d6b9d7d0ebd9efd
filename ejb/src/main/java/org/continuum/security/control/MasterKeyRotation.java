package org.continuum.security.control;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.prf.PrfConfig;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Changes the passphrase of a key folder: a new master key (a new salt) encrypts the same keysets. Runs beside a
 * running server (the server reads the folder only when it starts), and as a unit: the new files are written aside,
 * committed by one mark, then put in place; a crash is finished or forgotten by the next start
 * ({@link KeyFolder#finishRotation}). Sealed data is untouched: the field and index keys stay the same.
 *
 * <p>Command: {@code tools/rotate-keys-passphrase.sh}, with the current passphrase in
 * {@value KeyPassphrase#ENVIRONMENT} and the new one in {@value #NEW_ENVIRONMENT}.
 */
public final class MasterKeyRotation {

    public static final String NEW_ENVIRONMENT = "CONTINUUM_KEYS_NEW_PASSPHRASE";
    private static final List<String> KEYSETS = List.of(FieldCipher.AEAD_KEYSET, FieldCipher.INDEX_KEYSET);

    private MasterKeyRotation() {
    }

    /** Re-encrypts the folder's keysets under a master key made from {@code next}; both passphrases are wiped. */
    public static void rotate(KeyFolder folder, char[] current, char[] next) {
        try {
            if (next.length < KeyPassphrase.MIN_LENGTH) {
                throw new IllegalArgumentException("The new passphrase needs at least " + KeyPassphrase.MIN_LENGTH
                        + " characters");
            }
            if (Arrays.equals(current, next)) {
                throw new IllegalArgumentException("The new passphrase is the current one");
            }
            for (String keyset : KEYSETS) {
                if (!folder.holds(keyset)) {
                    throw new IllegalStateException("No keyset " + keyset + " in " + folder.dir());
                }
            }
            AeadConfig.register();
            PrfConfig.register();
            MasterKey old = MasterKey.open(folder, current);
            MasterKey.Made made = MasterKey.make(next);
            Map<String, String> files = new LinkedHashMap<>();
            for (String keyset : KEYSETS) {
                byte[] context = keyset.getBytes(StandardCharsets.UTF_8);
                String stored = Files.readString(folder.dir().resolve(keyset), StandardCharsets.UTF_8);
                KeysetHandle keys = TinkJsonProtoKeysetFormat.parseEncryptedKeyset(stored, old.aead(), context);
                files.put(keyset, TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(keys, made.key().aead(), context));
            }
            files.put(MasterKey.FILE, made.properties());
            folder.replaceAll(files);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A keyset of " + folder.dir() + " does not open with the current"
                    + " passphrase (damaged, or from another folder)", e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            Arrays.fill(current, '\0');
            Arrays.fill(next, '\0');
        }
    }

    /** {@code MasterKeyRotation <key folder>}: the passphrases come from the environment, never from arguments. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("Usage: MasterKeyRotation <key folder>  (" + KeyPassphrase.ENVIRONMENT + " and "
                    + NEW_ENVIRONMENT + " in the environment)");
            System.exit(2);
        }
        String current = System.getenv(KeyPassphrase.ENVIRONMENT);
        String next = System.getenv(NEW_ENVIRONMENT);
        if (current == null || next == null) {
            System.err.println("Give the current passphrase in " + KeyPassphrase.ENVIRONMENT + " and the new one in "
                    + NEW_ENVIRONMENT);
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        try {
            rotate(new KeyFolder(dir), current.toCharArray(), next.toCharArray());
        } catch (RuntimeException e) {
            System.err.println("Not rotated: " + e.getMessage());
            System.exit(1);
        }
        System.out.println("The key folder " + dir + " now opens with the new passphrase only. Give it to the server"
                + " (" + KeyPassphrase.ENVIRONMENT + " or " + KeyPassphrase.FILE_PROPERTY + ") before its next start;"
                + " backups of the old folder still open with the old passphrase.");
    }
}
