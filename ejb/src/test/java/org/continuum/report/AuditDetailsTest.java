package org.continuum.report;

import org.continuum.report.control.AuditDetails;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** S18 (part): what an audit export keeps of a detail, and what it removes. */
class AuditDetailsTest {

    @Test
    void referencesAndIdsGoAmountsAndCodesStay() {
        assertThat(AuditDetails.scrub("G-2026-0042 APPROVE status=APPROVED")).isEqualTo("ref APPROVE status=APPROVED");
        assertThat(AuditDetails.scrub("four-eyes sole-approver-pays G-2026-0007"))
                .isEqualTo("four-eyes sole-approver-pays ref");
        assertThat(AuditDetails.scrub("glass=12 action=CASE_VIEWED")).isEqualTo("glass=# action=CASE_VIEWED");
        assertThat(AuditDetails.scrub("not-found requested=987654321")).isEqualTo("not-found requested=#");
        assertThat(AuditDetails.scrub("change=5 applied fund=R4-123 budget=500.00/800.00"))
                .isEqualTo("change=# applied fund=R4-123 budget=500.00/800.00");
        assertThat(AuditDetails.scrub("linked to CF-2026-000123")).isEqualTo("linked to ref");
        assertThat(AuditDetails.scrub("minutes=60 act=asked")).as("not an id").isEqualTo("minutes=60 act=asked");
        assertThat(AuditDetails.scrub(null)).isEmpty();
    }
}
