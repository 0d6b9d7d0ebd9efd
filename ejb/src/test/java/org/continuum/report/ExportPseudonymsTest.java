package org.continuum.report;

import org.continuum.report.control.ExportPseudonyms;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** S18 (part): pseudonyms join rows within one export, never across exports, and grants never look like cases. */
class ExportPseudonymsTest {

    @Test
    void stableWithinAnExportDifferentAcrossExportsAndGrantsApartFromCases() {
        ExportPseudonyms first = new ExportPseudonyms();
        ExportPseudonyms second = new ExportPseudonyms();
        assertThat(first.of(42L)).matches("P-[A-Z0-9]{10}").isEqualTo(first.of(42L)).isNotEqualTo(second.of(42L));
        assertThat(first.ofGrant(7)).matches("G-[A-Z0-9]{10}").isEqualTo(first.ofGrant(7))
                .isNotEqualTo(second.ofGrant(7));
        assertThat(first.ofGrant(42).substring(2)).as("a grant and a case with the same id do not match")
                .isNotEqualTo(first.of(42L).substring(2));
        assertThat(first.of(null)).isEmpty();
    }
}
