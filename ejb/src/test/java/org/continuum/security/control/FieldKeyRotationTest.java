package org.continuum.security.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The field and blind-index keysets' rotation steps: a new primary wraps from then on while the old key still unwraps; the keyset
 * on disk follows each step (a restart sees it); once the old key is removed, what it wrapped no longer unwraps.
 */
class FieldKeyRotationTest {

    private static final String PASSPHRASE = "unit test, not secret";

    @TempDir
    Path keys;

    @Test
    void aNewPrimaryWrapsTheOldKeyUnwrapsUntilItIsRemoved() {
        KeyFolder folder = new KeyFolder(keys);
        FieldCipher cipher = FieldCipher.open(folder, MasterKey.open(folder, PASSPHRASE.toCharArray()));
        byte[] dataKey = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] before = cipher.wrap(dataKey, "case-1");
        assertThat(cipher.fieldKeys()).isOne();
        assertThat(cipher.wrappedByPrimary(before)).isTrue();

        cipher.addPrimaryFieldKey();
        assertThat(cipher.fieldKeys()).isEqualTo(2);
        assertThat(cipher.wrappedByPrimary(before)).as("wrapped by the old key").isFalse();
        byte[] after = cipher.wrap(dataKey, "case-1");
        assertThat(cipher.wrappedByPrimary(after)).isTrue();
        assertThat(cipher.unwrap(before, "case-1")).isEqualTo(dataKey);
        FieldCipher restarted = FieldCipher.open(folder, MasterKey.open(folder, PASSPHRASE.toCharArray()));
        assertThat(restarted.fieldKeys()).as("the folder holds both keys").isEqualTo(2);
        assertThat(restarted.unwrap(after, "case-1")).isEqualTo(dataKey);

        cipher.dropOldFieldKeys();
        assertThat(cipher.fieldKeys()).isOne();
        assertThat(cipher.unwrap(after, "case-1")).isEqualTo(dataKey);
        assertThatThrownBy(() -> cipher.unwrap(before, "case-1")).hasMessageContaining("does not unwrap");
        FieldCipher later = FieldCipher.open(folder, MasterKey.open(folder, PASSPHRASE.toCharArray()));
        assertThat(later.fieldKeys()).isOne();
        assertThatThrownBy(() -> later.unwrap(before, "case-1")).hasMessageContaining("does not unwrap");
    }

    @Test
    void aNewIndexKeyIndexesFromThenOnSearchesLookUnderBothUntilTheOldIsRemoved() {
        KeyFolder folder = new KeyFolder(keys);
        FieldCipher cipher = FieldCipher.open(folder, MasterKey.open(folder, PASSPHRASE.toCharArray()));
        String before = cipher.blindIndex("Anna Müller");
        int oldKey = cipher.primaryIndexKey();
        assertThat(cipher.blindIndexes("  ANNA   müller ")).containsExactly(before);
        assertThat(cipher.keyedIndex("Anna Müller")).isEqualTo(new FieldCipher.Index(oldKey, before));

        cipher.addPrimaryIndexKey();
        assertThat(cipher.indexKeys()).isEqualTo(2);
        assertThat(cipher.primaryIndexKey()).isNotEqualTo(oldKey);
        String after = cipher.blindIndex("Anna Müller");
        assertThat(after).as("the new key indexes").isNotEqualTo(before);
        assertThat(cipher.blindIndexes("anna müller")).as("the primary's first, then the old key's")
                .containsExactly(after, before);
        assertThat(cipher.keyedIndex("Anna Müller").key()).isEqualTo(cipher.primaryIndexKey());
        FieldCipher restarted = FieldCipher.open(folder, MasterKey.open(folder, PASSPHRASE.toCharArray()));
        assertThat(restarted.blindIndexes("Anna Müller")).as("the folder holds both keys").containsExactly(after, before);

        cipher.dropOldIndexKeys();
        assertThat(cipher.indexKeys()).isOne();
        assertThat(cipher.blindIndexes("Anna Müller")).containsExactly(after);
        FieldCipher later = FieldCipher.open(folder, MasterKey.open(folder, PASSPHRASE.toCharArray()));
        assertThat(later.blindIndexes("Anna Müller")).as("the old key is gone from the folder").containsExactly(after);
        assertThat(later.seal("x")).as("the field keyset is untouched").isNotNull();
    }
}
