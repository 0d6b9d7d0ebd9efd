package org.continuum.casefile.entity;

import org.continuum.security.control.Sealed;
import org.continuum.security.control.SealedRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.continuum.platform.control.RowIdSequences;
import org.continuum.reference.entity.Partner;

import java.time.Instant;
import java.util.Objects;

/**
 * A consent (or refusal) for one purpose: sharing with one named partner, or contact by one channel. The latest
 * record per purpose, partner and channel is the one in force; older ones stay as history.
 */
@Entity
@Table(name = "consent")
public class Consent implements SealedRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "consent_ids")
    @SequenceGenerator(name = "consent_ids", sequenceName = "consent_ids", allocationSize = RowIdSequences.ALLOCATION)
    private Long id;

    @Column(name = "casefile_id", nullable = false, updatable = false)
    private long caseFileId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30, updatable = false)
    private ConsentPurpose purpose;

    /** The partner a sharing consent names: sealed, like every link from a case to a partner. */
    @Sealed(number = true)
    @Column(name = "partner_enc", length = 400, updatable = false)
    private String partnerId;

    @Enumerated(EnumType.STRING)
    @Column(length = 40, updatable = false)
    private Channel channel;

    @Column(nullable = false, updatable = false)
    private boolean granted;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, length = 80, updatable = false)
    private String recordedBy;

    @Column(name = "shared_fields", length = 400, updatable = false)
    private String sharedFields;

    protected Consent() {
    }

    public Consent(long caseFileId, ConsentPurpose purpose, Partner partner, Channel channel, boolean granted,
                   Instant recordedAt, String recordedBy) {
        Objects.requireNonNull(purpose, "consent.purpose.required");
        if (purpose == ConsentPurpose.SHARE_WITH_PARTNER && partner == null) {
            throw new IllegalArgumentException("consent.partner.required");
        }
        if (purpose == ConsentPurpose.CONTACT_BY_CHANNEL && channel == null) {
            throw new IllegalArgumentException("consent.channel.required");
        }
        this.caseFileId = caseFileId;
        this.purpose = purpose;
        this.partnerId = purpose == ConsentPurpose.SHARE_WITH_PARTNER ? SealedRecord.text(partner.getId()) : null;
        this.channel = purpose == ConsentPurpose.CONTACT_BY_CHANNEL ? channel : null;
        this.granted = granted;
        this.recordedAt = Objects.requireNonNull(recordedAt);
        this.recordedBy = Objects.requireNonNull(recordedBy);
    }

    /** A sharing consent that names the fields the partner may receive (a refusal names none). */
    public static Consent toShare(long caseFileId, Partner partner, java.util.Set<SharedField> fields,
                                  boolean granted, Instant recordedAt, String recordedBy) {
        Consent consent = new Consent(caseFileId, ConsentPurpose.SHARE_WITH_PARTNER, partner, null, granted,
                recordedAt, recordedBy);
        if (granted && (fields == null || fields.isEmpty())) {
            throw new IllegalArgumentException("consent.fields.required");
        }
        consent.sharedFields = granted ? SharedField.format(fields) : null;
        return consent;
    }

    /** The fields this consent lets leave; none when it is a refusal or names no fields. */
    public java.util.Set<SharedField> getSharedFields() {
        return granted ? SharedField.parse(sharedFields) : java.util.EnumSet.noneOf(SharedField.class);
    }

    public ConsentPurpose getPurpose() {
        return purpose;
    }

    /** The partner a sharing consent names; null for a contact consent. */
    public Long getPartnerId() {
        return SealedRecord.number(partnerId);
    }

    public Channel getChannel() {
        return channel;
    }

    public boolean isGranted() {
        return granted;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    @Override
    public String sealingScope() {
        return SealedRecord.caseFile(caseFileId);
    }
}
