package org.continuum.security.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** S16: where the master key's passphrase may come from, and what a production start refuses. */
class KeyPassphraseTest {

    @TempDir
    Path data;

    private char[] resolve(Map<String, String> environment, Map<String, String> properties, boolean demo) {
        return KeyPassphrase.resolve(data.resolve("keys"), environment::get, properties::get, demo);
    }

    @Test
    void productionWithoutAPassphraseRefusesAndSaysHowToGiveOne() {
        assertThatThrownBy(() -> resolve(Map.of(), Map.of(), false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(KeyPassphrase.ENVIRONMENT).hasMessageContaining(KeyPassphrase.FILE_PROPERTY);
        assertThat(data.resolve("demo-keys-passphrase")).as("the demo's file is never made outside the demo")
                .doesNotExist();
    }

    @Test
    void theEnvironmentComesFirstAndAShortPassphraseIsRefusedInProduction() throws Exception {
        assertThat(new String(resolve(Map.of(KeyPassphrase.ENVIRONMENT, "a long enough passphrase"), Map.of(),
                false))).isEqualTo("a long enough passphrase");
        assertThatThrownBy(() -> resolve(Map.of(KeyPassphrase.ENVIRONMENT, "short"), Map.of(), false))
                .hasMessageContaining("fewer than 16");
    }

    @Test
    void aFileMustBeTheServersOwnAndOutsideTheKeyFolder() throws Exception {
        Path file = data.resolve("secret");
        Files.writeString(file, "from a mounted secret, long\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertThatThrownBy(() -> resolve(Map.of(), Map.of(KeyPassphrase.FILE_PROPERTY, file.toString()), false))
                .hasMessageContaining("can be read by other users");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        assertThat(new String(resolve(Map.of(), Map.of(KeyPassphrase.FILE_PROPERTY, file.toString()), false)))
                .as("read without its line end").isEqualTo("from a mounted secret, long");

        Path inside = Files.createDirectories(data.resolve("keys")).resolve("passphrase");
        Files.writeString(inside, "beside the keys it protects");
        Files.setPosixFilePermissions(inside, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> resolve(Map.of(), Map.of(KeyPassphrase.FILE_PROPERTY, inside.toString()), false))
                .hasMessageContaining("inside the key folder");
    }

    @Test
    void theDemoMakesItsOwnPassphraseOnceReadableByTheServerOnly() throws Exception {
        String first = new String(resolve(Map.of(), Map.of(), true));
        Path file = data.resolve("demo-keys-passphrase");
        assertThat(first).hasSizeGreaterThanOrEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(new String(resolve(Map.of(), Map.of(), true))).as("kept").isEqualTo(first);
    }
}
