package org.continuum.security;

import org.continuum.security.control.FieldCipher;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import org.continuum.security.control.KeyFolder;
import org.continuum.security.control.MasterKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldCipherTest {

    @TempDir
    Path keys;

    @Test
    void sealedValueHoldsNoPlaintextAndOpensAgain() {
        FieldCipher cipher = TestKeys.cipher(keys);
        for (String name : new String[]{"Анна Смирнова", "ليلى منصور", "Zoë Lefèvre-Nguyễn"}) {
            String sealed = cipher.seal(name);
            assertThat(sealed).doesNotContain(name);
            assertThat(new String(Base64.getDecoder().decode(sealed), StandardCharsets.UTF_8)).doesNotContain(name);
            assertThat(cipher.seal(name)).as("randomised").isNotEqualTo(sealed);
            assertThat(cipher.open(sealed)).isEqualTo(name);
        }
        assertThat(cipher.seal(null)).isNull();
    }

    @Test
    void keysAreGeneratedOnceReadableByOwnerOnlyAndReused() throws Exception {
        FieldCipher first = TestKeys.cipher(keys);
        String sealed = first.seal("Karim Benali");
        try (var files = Files.list(keys)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("field-aead.json", "blind-index-prf.json", "master.properties");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("field-aead.json"))))
                .isEqualTo("rw-------");
        FieldCipher second = TestKeys.cipher(keys);
        assertThat(second.open(sealed)).isEqualTo("Karim Benali");
        assertThat(second.blindIndex("Karim Benali")).isEqualTo(first.blindIndex("Karim Benali"));
    }

    @Test
    void otherKeysCannotOpenAndTamperingIsDetected(@TempDir Path otherKeys) {
        FieldCipher cipher = TestKeys.cipher(keys);
        String sealed = cipher.seal("Дмитрий Волков");
        assertThatThrownBy(() -> TestKeys.cipher(otherKeys).open(sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("Дмитрий");
        byte[] raw = Base64.getDecoder().decode(sealed);
        raw[raw.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.open(Base64.getEncoder().encodeToString(raw)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void blindIndexIgnoresCaseSpacingAndUnicodeFormButNotTheName() {
        FieldCipher cipher = TestKeys.cipher(keys);
        assertThat(cipher.blindIndex("  АННА   смирнова ")).isEqualTo(cipher.blindIndex("Анна Смирнова"));
        assertThat(cipher.blindIndex("Zoe\u0308")).isEqualTo(cipher.blindIndex("Zoë"));
        assertThat(cipher.blindIndex("Анна Смирнова")).isNotEqualTo(cipher.blindIndex("Анна Смирнов"));
        assertThat(cipher.blindIndex("ليلى منصور")).doesNotContain("ليلى");
    }

    @Test
    void keysetsAreEncryptedAtRestAndOpenOnlyWithTheirPassphrase() throws Exception {
        String sealed = TestKeys.cipher(keys).seal("Leyla Karimova");
        for (String name : new String[]{"field-aead.json", "blind-index-prf.json"}) {
            String stored = Files.readString(keys.resolve(name));
            assertThat(stored).as(name).contains("encryptedKeyset").doesNotContain("keyData", "\"value\"");
        }
        assertThat(Files.readString(keys.resolve("master.properties"))).contains("salt", "check", "iterations");
        KeyFolder folder = new KeyFolder(keys);
        assertThatThrownBy(() -> MasterKey.open(folder, "another passphrase, wrong".toCharArray()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("passphrase does not open");
        assertThat(TestKeys.cipher(keys).open(sealed)).isEqualTo("Leyla Karimova");
    }

    @Test
    void aKeysetMovedToTheOtherFileDoesNotOpen() throws Exception {
        TestKeys.cipher(keys);
        Files.copy(keys.resolve("field-aead.json"), keys.resolve("blind-index-prf.json"),
                StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> TestKeys.cipher(keys)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not open with this master key");
    }

    @Test
    void aClearKeysetOfAnEarlierVersionIsEncryptedInPlaceAndKeepsOpeningItsValues() throws Exception {
        AeadConfig.register();
        KeysetHandle old = KeysetHandle.generateNew(KeyTemplates.get("AES256_GCM"));
        Files.writeString(keys.resolve("field-aead.json"),
                TinkJsonProtoKeysetFormat.serializeKeyset(old, InsecureSecretKeyAccess.get()));
        byte[] sealedBefore = old.getPrimitive(RegistryConfiguration.get(), Aead.class).encrypt(
                "Olga Petrova".getBytes(StandardCharsets.UTF_8), "continuum/field/v1".getBytes(StandardCharsets.UTF_8));

        FieldCipher upgraded = TestKeys.cipher(keys);

        assertThat(upgraded.open(Base64.getEncoder().encodeToString(sealedBefore))).isEqualTo("Olga Petrova");
        assertThat(Files.readString(keys.resolve("field-aead.json"))).contains("encryptedKeyset")
                .doesNotContain("keyData");
        assertThat(TestKeys.cipher(keys).open(Base64.getEncoder().encodeToString(sealedBefore)))
                .as("and again after the upgrade").isEqualTo("Olga Petrova");
    }

    @Test
    void refusesToInventAKeyFolder() {
        String data = System.clearProperty(KeyFolder.DATA_DIR_PROPERTY);
        String dir = System.clearProperty(KeyFolder.KEYS_DIR_PROPERTY);
        try {
            assertThatThrownBy(KeyFolder::fromSystemProperties).hasMessageContaining("continuum.keys.dir");
        } finally {
            if (data != null) {
                System.setProperty(KeyFolder.DATA_DIR_PROPERTY, data);
            }
            if (dir != null) {
                System.setProperty(KeyFolder.KEYS_DIR_PROPERTY, dir);
            }
        }
    }
}
