package org.continuum.security.control;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.prf.Prf;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Seals and opens sensitive field values (Tink AES-256-GCM) and computes blind indexes (Tink HMAC-SHA256 PRF) so
 * that exact-match search works without storing plaintext. Two separate keysets: the index key can be rotated or
 * withheld without touching the encryption key. Ciphertexts carry Tink's key id prefix, so rotation keeps old
 * values readable.
 */
public final class FieldCipher {

    static final String AEAD_KEYSET = "field-aead.json";
    static final String INDEX_KEYSET = "blind-index-prf.json";
    private static final byte[] ASSOCIATED_DATA = "continuum/field/v1".getBytes(StandardCharsets.UTF_8);
    private static final int INDEX_BYTES = 32;

    private static final Logger LOG = Logger.getLogger(FieldCipher.class.getName());

    private volatile Aead aead;
    private volatile KeysetHandle aeadKeys;
    private volatile PrfSet prf;
    private volatile KeysetHandle prfKeys;
    private final KeyFolder folder;
    private final MasterKey master;

    private FieldCipher(KeysetHandle aeadKeys, KeysetHandle prfKeys, KeyFolder folder, MasterKey master)
            throws GeneralSecurityException {
        this.aeadKeys = aeadKeys;
        this.aead = aeadKeys.getPrimitive(RegistryConfiguration.get(), Aead.class);
        this.prfKeys = prfKeys;
        this.prf = prfKeys.getPrimitive(RegistryConfiguration.get(), PrfSet.class);
        this.folder = folder;
        this.master = master;
    }

    /**
     * Opens the folder's keysets with {@code master}, generating a missing one (encrypted at rest from the first
     * byte). A keyset written in clear by an earlier version is encrypted in place on the way.
     */
    public static FieldCipher open(KeyFolder folder, MasterKey master) {
        try {
            AeadConfig.register();
            PrfConfig.register();
            KeysetHandle aeadKeys = load(folder, master, AEAD_KEYSET, "AES256_GCM");
            KeysetHandle prfKeys = load(folder, master, INDEX_KEYSET, "HMAC_SHA256_PRF");
            return new FieldCipher(aeadKeys, prfKeys, folder, master);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the field encryption keys from " + folder.dir(), e);
        }
    }

    /** Whether {@code folder} holds any keyset of this cipher. */
    public static boolean keysIn(KeyFolder folder) {
        return folder.holds(AEAD_KEYSET) || folder.holds(INDEX_KEYSET);
    }

    private static KeysetHandle load(KeyFolder folder, MasterKey master, String name, String template)
            throws GeneralSecurityException {
        // The file name is the associated data: a keyset moved to the other file does not open.
        byte[] context = name.getBytes(StandardCharsets.UTF_8);
        String stored = folder.readOrCreate(name, () -> generate(template, master, context));
        if (!stored.contains("\"encryptedKeyset\"")) {
            KeysetHandle clear = TinkJsonProtoKeysetFormat.parseKeyset(stored, InsecureSecretKeyAccess.get());
            folder.replace(name, TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(clear, master.aead(), context));
            LOG.warning(() -> "The keyset " + folder.dir().resolve(name) + " was stored in clear by an earlier version:"
                    + " it is encrypted with the master key now. Copies of the clear file (backups) still hold the key.");
            return clear;
        }
        try {
            return TinkJsonProtoKeysetFormat.parseEncryptedKeyset(stored, master.aead(), context);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The keyset " + folder.dir().resolve(name) + " does not open with this"
                    + " master key (damaged, or from another key folder)", e);
        }
    }

    private static String generate(String template, MasterKey master, byte[] context) {
        try {
            KeysetHandle handle = KeysetHandle.generateNew(KeyTemplates.get(template));
            return TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(handle, master.aead(), context);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a " + template + " keyset", e);
        }
    }

    public String seal(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] sealed = aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), ASSOCIATED_DATA);
            return Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Field encryption failed", e);
        }
    }

    public String open(String ciphertext) {
        if (ciphertext == null) {
            return null;
        }
        try {
            byte[] opened = aead.decrypt(Base64.getDecoder().decode(ciphertext), ASSOCIATED_DATA);
            return new String(opened, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Never include the value: this message may reach a log.
            throw new IllegalStateException("A sealed field could not be opened (wrong key or tampered value)", e);
        }
    }

    /** How many keys the field keyset holds: more than one while a rotation is under way. */
    public int fieldKeys() {
        return aeadKeys.size();
    }

    /**
     * Rotation, first step: a new key becomes the field keyset's primary (it wraps every data key from now on); the
     * old ones stay, so everything wrapped before still opens. The keyset is written to the key folder before this
     * process uses it, so a crash leaves either the old keyset or the new one, never a new key only in memory.
     */
    public synchronized void addPrimaryFieldKey() {
        useFieldKeys(withNewPrimary(aeadKeys, "AES256_GCM"));
    }

    /**
     * Rotation, last step (once nothing is wrapped by them any more): the old keys leave the keyset. A copy of the
     * database taken before can no longer open its data keys with this key folder.
     */
    public synchronized void dropOldFieldKeys() {
        useFieldKeys(primaryOnly(aeadKeys));
    }

    /** How many keys the blind-index keyset holds: more than one while an index rotation is unfinished. */
    public int indexKeys() {
        return prfKeys.size();
    }

    /** The id of the blind-index key that computes new indexes. */
    public int primaryIndexKey() {
        return prf.getPrimaryId();
    }

    /**
     * Index rotation, first step: a new blind-index key computes every new index; searches look under every key of
     * the set until the old indexes are rebuilt.
     */
    public synchronized void addPrimaryIndexKey() {
        useIndexKeys(withNewPrimary(prfKeys, "HMAC_SHA256_PRF"));
    }

    /** Index rotation, last step: the old blind-index keys leave the set once no stored index needs them. */
    public synchronized void dropOldIndexKeys() {
        useIndexKeys(primaryOnly(prfKeys));
    }

    private static KeysetHandle withNewPrimary(KeysetHandle keys, String parameters) {
        try {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(keys);
            builder.addEntry(KeysetHandle.generateEntryFromParametersName(parameters).withRandomId().makePrimary());
            return builder.build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot add a " + parameters + " key", e);
        }
    }

    private static KeysetHandle primaryOnly(KeysetHandle keys) {
        try {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(keys);
            for (int i = builder.size() - 1; i >= 0; i--) {
                if (!builder.getAt(i).isPrimary()) {
                    builder.deleteAt(i);
                }
            }
            return builder.build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot remove the old keys", e);
        }
    }

    private void useFieldKeys(KeysetHandle keys) {
        write(AEAD_KEYSET, keys);
        try {
            aead = keys.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot use the field keyset", e);
        }
        aeadKeys = keys;
    }

    private void useIndexKeys(KeysetHandle keys) {
        write(INDEX_KEYSET, keys);
        try {
            prf = keys.getPrimitive(RegistryConfiguration.get(), PrfSet.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot use the blind-index keyset", e);
        }
        prfKeys = keys;
    }

    private void write(String name, KeysetHandle keys) {
        try {
            byte[] context = name.getBytes(StandardCharsets.UTF_8);
            folder.replace(name, TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(keys, master.aead(), context));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot write the keyset " + name, e);
        }
    }

    /** Whether {@code wrapped} was wrapped by the keyset's primary key (Tink names the key in its first bytes). */
    boolean wrappedByPrimary(byte[] wrapped) {
        int primary = aeadKeys.getPrimary().getId();
        return wrapped.length > 5 && wrapped[0] == 1 && java.nio.ByteBuffer.wrap(wrapped, 1, 4).getInt() == primary;
    }

    /**
     * Wraps a data key (a case file's, a mail draft's) with the field keyset, bound to the scope it serves: a wrapped
     * key moved to another scope does not unwrap.
     */
    byte[] wrap(byte[] dataKey, String scope) {
        try {
            return aead.encrypt(dataKey, ("sealing_key/" + scope).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Key wrapping failed", e);
        }
    }

    byte[] unwrap(byte[] wrapped, String scope) {
        try {
            return aead.decrypt(wrapped, ("sealing_key/" + scope).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The data key of " + scope + " does not unwrap (damaged, moved, or from"
                    + " another key folder)", e);
        }
    }

    /** Keyed, deterministic digest of the normalised value: equal names give equal indexes, nothing else leaks. */
    public String blindIndex(String value) {
        return value == null ? null : keyedIndex(value).value();
    }

    /** A blind index and the id of the key that computed it (the primary). */
    public record Index(int key, String value) {
    }

    public Index keyedIndex(String value) {
        PrfSet set = prf;
        return new Index(set.getPrimaryId(), compute(keys(set).get(set.getPrimaryId()), value));
    }

    /**
     * The value's index under every key of the set, the primary's first: what a search must look for while an index
     * rotation is unfinished (one element otherwise).
     */
    public List<String> blindIndexes(String value) {
        PrfSet set = prf;
        Map<Integer, Prf> keys = keys(set);
        List<String> indexes = new ArrayList<>();
        indexes.add(compute(keys.get(set.getPrimaryId()), value));
        for (Map.Entry<Integer, Prf> key : keys.entrySet()) {
            if (key.getKey() != set.getPrimaryId()) {
                indexes.add(compute(key.getValue(), value));
            }
        }
        return indexes;
    }

    private static Map<Integer, Prf> keys(PrfSet set) {
        try {
            return set.getPrfs();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The blind-index keyset cannot be used", e);
        }
    }

    private static String compute(Prf key, String value) {
        try {
            byte[] digest = key.compute(normalise(value).getBytes(StandardCharsets.UTF_8), INDEX_BYTES);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Blind index computation failed", e);
        }
    }

    /** NFKC, case folded, inner whitespace collapsed: "  ANNA  Müller" and "anna müller" match. */
    static String normalise(String value) {
        String nfkc = Normalizer.normalize(value, Normalizer.Form.NFKC);
        return nfkc.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
