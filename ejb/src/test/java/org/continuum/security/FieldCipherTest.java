package org.continuum.security;

import org.continuum.security.control.FieldCipher;
import org.continuum.security.control.KeyFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldCipherTest {

    @TempDir
    Path keys;

    @Test
    void sealedValueHoldsNoPlaintextAndOpensAgain() {
        FieldCipher cipher = FieldCipher.open(new KeyFolder(keys));
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
        FieldCipher first = FieldCipher.open(new KeyFolder(keys));
        String sealed = first.seal("Karim Benali");
        try (var files = Files.list(keys)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("field-aead.json", "blind-index-prf.json");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("field-aead.json"))))
                .isEqualTo("rw-------");
        FieldCipher second = FieldCipher.open(new KeyFolder(keys));
        assertThat(second.open(sealed)).isEqualTo("Karim Benali");
        assertThat(second.blindIndex("Karim Benali")).isEqualTo(first.blindIndex("Karim Benali"));
    }

    @Test
    void otherKeysCannotOpenAndTamperingIsDetected(@TempDir Path otherKeys) {
        FieldCipher cipher = FieldCipher.open(new KeyFolder(keys));
        String sealed = cipher.seal("Дмитрий Волков");
        assertThatThrownBy(() -> FieldCipher.open(new KeyFolder(otherKeys)).open(sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("Дмитрий");
        byte[] raw = Base64.getDecoder().decode(sealed);
        raw[raw.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.open(Base64.getEncoder().encodeToString(raw)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void blindIndexIgnoresCaseSpacingAndUnicodeFormButNotTheName() {
        FieldCipher cipher = FieldCipher.open(new KeyFolder(keys));
        assertThat(cipher.blindIndex("  АННА   смирнова ")).isEqualTo(cipher.blindIndex("Анна Смирнова"));
        assertThat(cipher.blindIndex("Zoe\u0308")).isEqualTo(cipher.blindIndex("Zoë"));
        assertThat(cipher.blindIndex("Анна Смирнова")).isNotEqualTo(cipher.blindIndex("Анна Смирнов"));
        assertThat(cipher.blindIndex("ليلى منصور")).doesNotContain("ليلى");
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
