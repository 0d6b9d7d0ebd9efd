package org.continuum.security;

import org.continuum.security.control.FieldCipher;
import org.continuum.security.control.KeyFolder;
import org.continuum.security.control.MasterKey;

import java.nio.file.Path;

/** Keys for unit tests: a key folder opened with a fixed passphrase. */
final class TestKeys {

    static final String PASSPHRASE = "unit-test passphrase, not secret";

    private TestKeys() {
    }

    static FieldCipher cipher(Path keys) {
        KeyFolder folder = new KeyFolder(keys);
        return FieldCipher.open(folder, MasterKey.open(folder, PASSPHRASE.toCharArray()));
    }
}
