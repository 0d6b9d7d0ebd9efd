package org.continuum.notification;

import org.continuum.notification.control.MailText;
import org.continuum.notification.entity.Notification;
import org.continuum.notification.entity.NotificationKind;
import org.continuum.notification.entity.NotificationStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbox row's life: claimed once, retried with a capped backoff, taken again only after a stale claim. */
class NotificationTest {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    static final Duration FIRST = Duration.ofSeconds(5);
    static final Duration MAX = Duration.ofSeconds(60);

    static Notification fresh() {
        return new Notification(NotificationKind.APPROVAL_NEEDED, "claire.coordinator", 7L, "CF-2026-000007",
                "/app/case.xhtml?id=7", "APPROVAL_NEEDED:grant=3:claire.coordinator", "continuum.test", NOW);
    }

    @Test
    void aClaimedMessageIsNotTakenTwiceUntilTheClaimGoesStale() {
        Notification n = fresh();
        assertThat(n.getMessageId()).matches("<[0-9a-f-]{36}@continuum\\.test>");
        n.claim(NOW);
        assertThat(n.getStatus()).isEqualTo(NotificationStatus.SENDING);
        assertThat(n.isDue(NOW.plusSeconds(60))).isFalse();
        assertThatThrownBy(() -> n.claim(NOW.plusSeconds(1))).hasMessage("notification.notDue");
        Instant stale = NOW.plus(Notification.STALE_CLAIM).plusSeconds(1);
        assertThat(n.isDue(stale)).as("the worker died mid-send").isTrue();
        String id = n.getMessageId();
        n.claim(stale);
        assertThat(n.getAttempts()).isEqualTo(2);
        assertThat(n.getMessageId()).as("same Message-ID on the resend").isEqualTo(id);
        n.delivered(stale);
        assertThat(n.isDue(stale.plusSeconds(3600))).isFalse();
    }

    @Test
    void failuresBackOffDoublingUpToTheCap() {
        assertThat(Notification.backoff(1, FIRST, MAX)).isEqualTo(Duration.ofSeconds(5));
        assertThat(Notification.backoff(2, FIRST, MAX)).isEqualTo(Duration.ofSeconds(10));
        assertThat(Notification.backoff(4, FIRST, MAX)).isEqualTo(Duration.ofSeconds(40));
        assertThat(Notification.backoff(5, FIRST, MAX)).isEqualTo(MAX);
        assertThat(Notification.backoff(500, FIRST, MAX)).isEqualTo(MAX);
        Notification n = fresh();
        n.claim(NOW);
        n.failed("MailConnectException: Couldn't connect to host", FIRST, MAX, NOW);
        assertThat(n.getStatus()).isEqualTo(NotificationStatus.PENDING);
        assertThat(n.isDue(NOW.plusSeconds(4))).isFalse();
        assertThat(n.isDue(NOW.plusSeconds(5))).isTrue();
        n.delivered(NOW);
        n.failed("late failure report", FIRST, MAX, NOW);
        assertThat(n.getStatus()).as("a sent message stays sent").isEqualTo(NotificationStatus.SENT);
    }

    @Test
    void theMailSaysWhatHappenedWhereAndNothingElseInTheRecipientsLanguage() {
        MailText.Composed en = MailText.compose(NotificationKind.REFERRAL_ANSWER_OVERDUE, "en", "CF-2026-000042",
                "https://continuum.example/app/case.xhtml?id=42");
        assertThat(en.subject()).isEqualTo("[Continuum] a partner has not answered a referral in time: CF-2026-000042");
        assertThat(en.body()).contains("CF-2026-000042", "https://continuum.example/app/case.xhtml?id=42")
                .doesNotContain("%s");
        MailText.Composed fr = MailText.compose(NotificationKind.APPROVAL_NEEDED, "fr", "CF-2026-000042", "u");
        assertThat(fr.subject()).isEqualTo("[Continuum] une approbation est nécessaire : CF-2026-000042");
        MailText.Composed ar = MailText.compose(NotificationKind.TASK_ASSIGNED, "ar", null, "u");
        assertThat(ar.subject()).isEqualTo("[Continuum] أُسندت إليك مهمة: —");
        MailText.Composed sw = MailText.compose(NotificationKind.TASK_ASSIGNED, "sw", null, "u");
        assertThat(sw.subject()).as("a language without mails of its own: English").contains(
                "a task was assigned to you", "—");
        for (NotificationKind kind : NotificationKind.values()) {
            assertThat(MailText.compose(kind, "fr", "CF-2026-000001", "u").subject()).doesNotContain("kind.");
        }
    }
}
