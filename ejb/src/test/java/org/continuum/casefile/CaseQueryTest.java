package org.continuum.casefile;

import org.continuum.casefile.control.CaseQuery;
import org.continuum.casefile.control.TriageDeadlines;
import org.continuum.casefile.entity.Urgency;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class CaseQueryTest {

    @Test
    void tamperedSortFieldFallsBackToNewestFirst() {
        CaseQuery q = new CaseQuery(null, null, null, null, null, null, "legalName", true, -5, 10_000);
        assertThat(q.sortField()).isEqualTo("createdAt");
        assertThat(q.ascending()).isFalse();
        assertThat(q.first()).isZero();
        assertThat(q.pageSize()).isEqualTo(CaseQuery.MAX_PAGE);
    }

    @Test
    void allowedSortFieldIsKeptAndBlankFiltersAreDropped() {
        CaseQuery q = new CaseQuery(" ", "  Cedar ", "", null, null, " ", "pseudonym", true, 25, 25);
        assertThat(q.sortField()).isEqualTo("pseudonym");
        assertThat(q.ascending()).isTrue();
        assertThat(q.reference()).isNull();
        assertThat(q.pseudonym()).isEqualTo("Cedar");
        assertThat(q.legalName()).isNull();
        assertThat(q.country()).isNull();
        assertThat(q.toString()).doesNotContain("Cedar");
    }

    @Test
    void triageDeadlinesFollowUrgency() {
        assertThat(TriageDeadlines.forUrgency(Urgency.CRITICAL)).isEqualTo(Duration.ofHours(4));
        assertThat(TriageDeadlines.forUrgency(Urgency.HIGH)).isEqualTo(Duration.ofHours(24));
        assertThat(TriageDeadlines.forUrgency(Urgency.STANDARD)).isEqualTo(Duration.ofDays(5));
    }
}
