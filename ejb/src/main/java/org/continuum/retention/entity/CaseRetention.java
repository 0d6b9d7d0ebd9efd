package org.continuum.retention.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.continuum.security.control.Sealed;
import org.continuum.security.control.SealedRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A case file's own retention facts: a legal hold (set and lifted by a coordinator with a reason; while it is on,
 * nothing erases the case file) and the one extension of its retention a coordinator may grant, with a reason. The
 * reasons are sealed: they can name a court case or a threat.
 */
@Entity
@Table(name = "case_retention")
public class CaseRetention implements SealedRecord {

    public static final int REASON_MAX = 2000;

    @Id
    @Column(name = "casefile_id")
    private Long caseFileId;

    @Sealed
    @Column(name = "hold_reason_enc")
    private String holdReason;

    @Column(name = "hold_set_by", length = 80)
    private String holdSetBy;

    @Column(name = "hold_set_at")
    private Instant holdSetAt;

    @Column(name = "extended_until")
    private Instant extendedUntil;

    @Sealed
    @Column(name = "extension_reason_enc")
    private String extensionReason;

    @Column(name = "extended_by", length = 80)
    private String extendedBy;

    @Column(name = "extended_at")
    private Instant extendedAt;

    @Version
    private long version;

    protected CaseRetention() {
    }

    public CaseRetention(long caseFileId) {
        this.caseFileId = caseFileId;
    }

    public static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("retention.reason.required");
        }
        String trimmed = reason.strip();
        if (trimmed.length() > REASON_MAX) {
            throw new IllegalArgumentException("retention.reason.tooLong");
        }
        return trimmed;
    }

    public boolean onHold() {
        return holdSetAt != null;
    }

    public void hold(String reason, String by, Instant now) {
        if (onHold()) {
            throw new IllegalStateException("retention.hold.already");
        }
        this.holdReason = reason(reason);
        this.holdSetBy = Objects.requireNonNull(by);
        this.holdSetAt = now;
    }

    /** Lifts the hold; the lifting reason goes to the audit trail, the hold's own reason is forgotten. */
    public void lift(String reason) {
        reason(reason);
        if (!onHold()) {
            throw new IllegalStateException("retention.hold.none");
        }
        this.holdReason = null;
        this.holdSetBy = null;
        this.holdSetAt = null;
    }

    /** The one extension: the due date moves by the rule's extension, counted from the date it would have gone. */
    public void extend(Instant due, Duration by, String reason, String who, Instant now) {
        if (extendedAt != null) {
            throw new IllegalStateException("retention.extension.used");
        }
        if (by.isZero()) {
            throw new IllegalStateException("retention.extension.none");
        }
        this.extensionReason = reason(reason);
        this.extendedUntil = due.plus(by);
        this.extendedBy = Objects.requireNonNull(who);
        this.extendedAt = now;
    }

    public Long getCaseFileId() {
        return caseFileId;
    }

    public String getHoldReason() {
        return holdReason;
    }

    public String getHoldSetBy() {
        return holdSetBy;
    }

    public Instant getHoldSetAt() {
        return holdSetAt;
    }

    public Instant getExtendedUntil() {
        return extendedUntil;
    }

    public String getExtensionReason() {
        return extensionReason;
    }

    public String getExtendedBy() {
        return extendedBy;
    }

    public Instant getExtendedAt() {
        return extendedAt;
    }

    @Override
    public String sealingScope() {
        return SealedRecord.caseFile(caseFileId);
    }
}
