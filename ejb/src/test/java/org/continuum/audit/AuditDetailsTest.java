package org.continuum.audit;

import org.continuum.audit.control.AuditDetails;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** S16/S18 (part): what the trail keeps of a detail, and what an export keeps of that. */
class AuditDetailsTest {

    /** A stand-in for the keyed digest: any function of the value does for what is tested here. */
    private static final UnaryOperator<String> DIGEST = value -> {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    };

    @Test
    void theTrailKeepsOpaqueCodesInsteadOfReferencesAndIds() {
        String stored = AuditDetails.stored("not-found requested=987654321", DIGEST);
        assertThat(stored).matches("not-found requested=~[A-Za-z0-9_-]{10}").doesNotContain("987654321");
        assertThat(AuditDetails.stored("not-found requested=987654321", DIGEST)).as("the same id, the same code")
                .isEqualTo(stored);
        assertThat(AuditDetails.stored("not-found requested=987654322", DIGEST)).isNotEqualTo(stored);
        assertThat(AuditDetails.stored("place=17", DIGEST)).as("the key is part of what is digested")
                .isNotEqualTo(AuditDetails.stored("mail=17", DIGEST).replace("mail", "place"));
        assertThat(AuditDetails.stored("linked to CF-2026-000123", DIGEST)).matches("linked to ref~[A-Za-z0-9_-]{10}");
        assertThat(AuditDetails.stored("change=5 applied fund=R4-123 budget=500.00/800.00", DIGEST))
                .matches("change=~[A-Za-z0-9_-]{10} applied fund=R4-123 budget=500.00/800.00");
        assertThat(AuditDetails.stored("minutes=60 act=asked", DIGEST)).as("not an id").isEqualTo("minutes=60 act=asked");
        assertThat(AuditDetails.stored("", DIGEST)).isNull();
        assertThat(AuditDetails.stored(null, DIGEST)).isNull();
    }

    @Test
    void anExportKeepsNeitherReferencesNorIdsNorOpaqueCodes() {
        assertThat(AuditDetails.scrub("G-2026-0042 APPROVE status=APPROVED")).isEqualTo("ref APPROVE status=APPROVED");
        assertThat(AuditDetails.scrub("glass=12 action=CASE_VIEWED")).isEqualTo("glass=# action=CASE_VIEWED");
        assertThat(AuditDetails.scrub(AuditDetails.stored("not-found requested=987654321", DIGEST)))
                .isEqualTo("not-found requested=#");
        assertThat(AuditDetails.scrub(AuditDetails.stored("linked to CF-2026-000123", DIGEST)))
                .isEqualTo("linked to ref");
        assertThat(AuditDetails.scrub("change=5 applied fund=R4-123 budget=500.00/800.00"))
                .isEqualTo("change=# applied fund=R4-123 budget=500.00/800.00");
        assertThat(AuditDetails.scrub("minutes=60 act=asked")).as("not an id").isEqualTo("minutes=60 act=asked");
        assertThat(AuditDetails.scrub(null)).isEmpty();
    }
}
