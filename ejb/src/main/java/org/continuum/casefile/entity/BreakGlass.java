package org.continuum.casefile.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.continuum.platform.control.RowIdSequences;
import org.continuum.security.control.Sealed;
import org.continuum.security.control.SealedRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Emergency access to one case file outside the person's need to know, for a limited time. Read-only unless the person
 * said they must act and a second coordinator of the case's team confirmed it. The reason is sealed.
 */
@Entity
@Table(name = "break_glass")
public class BreakGlass implements SealedRecord {

    /** The shortest reason accepted: a few words are not a justification. */
    public static final int REASON_MIN = 20;
    public static final int REASON_MAX = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "break_glass_ids")
    @SequenceGenerator(name = "break_glass_ids", sequenceName = "break_glass_ids", allocationSize = RowIdSequences.ALLOCATION)
    private Long id;

    @Column(name = "casefile_id", nullable = false, updatable = false)
    private long caseFileId;

    @Column(nullable = false, length = 80, updatable = false)
    private String username;

    @Sealed
    @Column(name = "reason_enc", nullable = false, length = 8192, updatable = false)
    private String reason;

    @Column(name = "wants_write", nullable = false, updatable = false)
    private boolean wantsWrite;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "confirmed_by", length = 80)
    private String confirmedBy;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    protected BreakGlass() {
    }

    public BreakGlass(long caseFileId, String username, String reason, boolean wantsWrite, Instant now,
                      Duration lasting) {
        this.caseFileId = caseFileId;
        this.username = Objects.requireNonNull(username);
        this.reason = Objects.requireNonNull(reason);
        this.wantsWrite = wantsWrite;
        this.openedAt = Objects.requireNonNull(now);
        this.expiresAt = now.plus(lasting);
    }

    public boolean isActive(Instant now) {
        return !now.isBefore(openedAt) && now.isBefore(expiresAt);
    }

    /** Whether the person may change the case file, not only read it. */
    public boolean allowsWriting(Instant now) {
        return isActive(now) && confirmedBy != null;
    }

    public boolean awaitsConfirmation(Instant now) {
        return isActive(now) && wantsWrite && confirmedBy == null;
    }

    /** A second coordinator confirms the person may act; never the person themselves. */
    public void confirm(String coordinator, Instant now) {
        if (!awaitsConfirmation(now)) {
            throw new IllegalStateException("breakglass.notAwaiting");
        }
        if (coordinator.equals(username)) {
            throw new IllegalStateException("breakglass.ownRequest");
        }
        confirmedBy = coordinator;
        confirmedAt = now;
    }

    public Long getId() {
        return id;
    }

    public long getCaseFileId() {
        return caseFileId;
    }

    public String getUsername() {
        return username;
    }

    public String getReason() {
        return reason;
    }

    public boolean isWantsWrite() {
        return wantsWrite;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public String getConfirmedBy() {
        return confirmedBy;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    @Override
    public String sealingScope() {
        return SealedRecord.caseFile(caseFileId);
    }
}
