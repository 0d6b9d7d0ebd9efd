package org.continuum.security;

import org.continuum.security.control.FieldCipher;
import org.continuum.security.control.KeyFolder;
import org.continuum.security.control.MasterKey;
import org.continuum.security.control.MasterKeyRotation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Changing a key folder's passphrase: the same keys under a new master key, as a unit that survives a crash. */
class MasterKeyRotationTest {

    private static final String NEW = "the new passphrase, long enough";

    @TempDir
    Path keys;

    private FieldCipher openWith(String passphrase) {
        KeyFolder folder = new KeyFolder(keys);
        return FieldCipher.open(folder, MasterKey.open(folder, passphrase.toCharArray()));
    }

    @Test
    void afterARotationOnlyTheNewPassphraseOpensTheSameKeys() throws Exception {
        FieldCipher before = TestKeys.cipher(keys);
        String sealed = before.seal("Leyla Karimova");
        String index = before.blindIndex("Leyla Karimova");
        String oldMaster = Files.readString(keys.resolve("master.properties"));

        MasterKeyRotation.rotate(new KeyFolder(keys), TestKeys.PASSPHRASE.toCharArray(), NEW.toCharArray());

        assertThat(Files.readString(keys.resolve("master.properties"))).isNotEqualTo(oldMaster);
        assertThatThrownBy(() -> openWith(TestKeys.PASSPHRASE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("passphrase does not open");
        FieldCipher after = openWith(NEW);
        assertThat(after.open(sealed)).isEqualTo("Leyla Karimova");
        assertThat(after.blindIndex("Leyla Karimova")).isEqualTo(index);
        try (var files = Files.list(keys)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("field-aead.json", "blind-index-prf.json", "master.properties");
        }
    }

    @Test
    void aWrongCurrentPassphraseOrAShortNewOneChangesNothing() throws Exception {
        TestKeys.cipher(keys);
        String master = Files.readString(keys.resolve("master.properties"));
        assertThatThrownBy(() -> MasterKeyRotation.rotate(new KeyFolder(keys), "not the passphrase at all".toCharArray(),
                NEW.toCharArray())).hasMessageContaining("passphrase does not open");
        assertThatThrownBy(() -> MasterKeyRotation.rotate(new KeyFolder(keys), TestKeys.PASSPHRASE.toCharArray(),
                "short".toCharArray())).hasMessageContaining("at least 16");
        assertThat(Files.readString(keys.resolve("master.properties"))).isEqualTo(master);
        assertThat(openWith(TestKeys.PASSPHRASE).seal("x")).isNotNull();
    }

    @Test
    void aCrashBeforeTheCommitMarkIsForgottenAndOneAfterItIsFinished() throws Exception {
        String sealed = TestKeys.cipher(keys).seal("Ahmad Nasser");
        // A rotation that crashed while writing its new files: the old passphrase still opens, the leftovers go.
        Files.writeString(keys.resolve("master.properties.next"), "half written");
        Files.writeString(keys.resolve("field-aead.json.next"), "half written");
        assertThat(openWith(TestKeys.PASSPHRASE).open(sealed)).isEqualTo("Ahmad Nasser");
        assertThat(Files.exists(keys.resolve("master.properties.next"))).isFalse();
        assertThat(Files.exists(keys.resolve("field-aead.json.next"))).isFalse();

        // A rotation that crashed after its mark, with one file already in place: the next start finishes it.
        Path copy = Files.createTempDirectory("rotated");
        for (String name : new String[]{"field-aead.json", "blind-index-prf.json", "master.properties"}) {
            Files.copy(keys.resolve(name), copy.resolve(name));
        }
        MasterKeyRotation.rotate(new KeyFolder(copy), TestKeys.PASSPHRASE.toCharArray(), NEW.toCharArray());
        Files.copy(copy.resolve("master.properties"), keys.resolve("master.properties"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(copy.resolve("field-aead.json"), keys.resolve("field-aead.json.next"));
        Files.copy(copy.resolve("blind-index-prf.json"), keys.resolve("blind-index-prf.json.next"));
        Files.writeString(keys.resolve("rotation.commit"), "field-aead.json\nblind-index-prf.json\nmaster.properties");

        assertThat(openWith(NEW).open(sealed)).isEqualTo("Ahmad Nasser");
        assertThat(Files.exists(keys.resolve("rotation.commit"))).isFalse();
        assertThat(Files.readString(keys.resolve("field-aead.json"))).isEqualTo(
                Files.readString(copy.resolve("field-aead.json")));
    }

    @Test
    void replaceAllPutsEveryFileInPlaceAndLeavesNoMark() throws Exception {
        KeyFolder folder = new KeyFolder(keys);
        folder.replaceAll(Map.of("a.txt", "one", "b.txt", "two"));
        assertThat(Files.readString(keys.resolve("a.txt"))).isEqualTo("one");
        assertThat(Files.readString(keys.resolve("b.txt"))).isEqualTo("two");
        try (var files = Files.list(keys)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("a.txt", "b.txt");
        }
    }
}
