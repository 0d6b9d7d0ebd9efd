package org.continuum.retention;

import org.continuum.platform.MappedEntities;
import org.continuum.retention.control.ErasingCoverage;
import org.continuum.retention.entity.CaseRetention;
import org.continuum.retention.entity.Erasure;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ErasureRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private static List<Class<?>> entities() throws IOException {
        return MappedEntities.all();
    }

    @Test
    void everySealedTableIsEitherErasedWithItsCaseFileOrDeclaredFreeOfCaseData() throws IOException {
        var sealed = ErasingCoverage.sealedTables(entities());
        assertThat(sealed).contains("casefile", "risk_factor", "escalation_evidence", "mail_attachment",
                "route_application", "case_retention");
        assertThat(ErasingCoverage.unplaced(sealed)).isEmpty();
        assertThat(ErasingCoverage.unplaced(java.util.Set.of("casefile", "new_sealed_table")))
                .containsExactly("new_sealed_table");
    }

    @Test
    void aHoldNeedsAReasonAndIsSetOnceAndLiftedOnce() {
        CaseRetention kept = new CaseRetention(1L);
        assertThatThrownBy(() -> kept.hold(" ", "claire", NOW)).hasMessage("retention.reason.required");
        kept.hold("Court case", "claire", NOW);
        assertThat(kept.onHold()).isTrue();
        assertThatThrownBy(() -> kept.hold("Again", "omar", NOW)).hasMessage("retention.hold.already");
        kept.lift("Over");
        assertThat(kept.onHold()).isFalse();
        assertThat(kept.getHoldReason()).isNull();
        assertThatThrownBy(() -> kept.lift("Over")).hasMessage("retention.hold.none");
    }

    @Test
    void theRetentionIsExtendedOnceFromItsDueDate() {
        CaseRetention kept = new CaseRetention(1L);
        Instant due = NOW.plus(Duration.ofDays(3));
        kept.extend(due, Duration.ofDays(183), "Donor audit", "claire", NOW);
        assertThat(kept.getExtendedUntil()).isEqualTo(due.plus(Duration.ofDays(183)));
        assertThatThrownBy(() -> kept.extend(due, Duration.ofDays(183), "Again", "omar", NOW))
                .hasMessage("retention.extension.used");
        assertThatThrownBy(() -> new CaseRetention(2L).extend(due, Duration.ZERO, "x", "claire", NOW))
                .hasMessage("retention.extension.none");
    }

    @Test
    void anErasureRequestIsDecidedOnceAndNeverByItsRequester() {
        Erasure request = Erasure.requested(7L, "CF-2026-000007", "Asked by the person", "claire", NOW);
        assertThatThrownBy(() -> request.decide(true, "claire", NOW)).hasMessage("retention.erasure.ownRequest");
        request.decide(true, "omar", NOW);
        assertThat(request.getState()).isEqualTo(Erasure.State.DONE);
        assertThatThrownBy(() -> request.decide(false, "karim", NOW)).hasMessage("retention.erasure.decided");
        assertThatThrownBy(() -> Erasure.requested(7L, "CF-2026-000007", "", "claire", NOW))
                .hasMessage("retention.reason.required");
    }
}
