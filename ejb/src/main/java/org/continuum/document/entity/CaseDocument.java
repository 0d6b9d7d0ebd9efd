package org.continuum.document.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.continuum.document.control.UploadPolicy;
import org.continuum.platform.control.RowIdSequences;
import org.continuum.security.control.Sealed;
import org.continuum.security.control.SealedRecord;

import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * A document kept with a case file, or with a request until it becomes one. Name, description and content are
 * sealed; only what passed {@link UploadPolicy} is ever stored, so the type is one of the kept ones.
 */
@Entity
@Table(name = "case_document")
public class CaseDocument implements SealedRecord {

    public enum Kind { IDENTITY_DOCUMENT, EVIDENCE_OF_THREAT, MEDICAL, LEGAL, TRAVEL_DOCUMENT, OTHER }

    public enum Source { STAFF, REQUESTER, MAIL }

    public static final int DESCRIPTION_MAX = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_document_ids")
    @SequenceGenerator(name = "case_document_ids", sequenceName = "case_document_ids", allocationSize = RowIdSequences.ALLOCATION)
    private Long id;

    @Column(name = "casefile_id")
    private Long caseFileId;

    @Column(name = "mail_intake_id", updatable = false)
    private Long requestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30, updatable = false)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20, updatable = false)
    private Source source;

    @Sealed
    @Column(name = "file_name_enc", nullable = false, updatable = false)
    private String fileName;

    @Sealed
    @Column(name = "description_enc", updatable = false)
    private String description;

    @Column(name = "content_type", nullable = false, length = 40, updatable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Basic(fetch = FetchType.LAZY)
    @Sealed
    @Column(name = "content_enc", nullable = false, updatable = false)
    private String content;

    @Column(name = "uploaded_by", length = 80, updatable = false)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;

    protected CaseDocument() {
    }

    private CaseDocument(Long caseFileId, Long requestId, Kind kind, Source source, UploadPolicy.Checked checked,
                         String description, String uploadedBy, Instant at) {
        String d = description == null || description.isBlank() ? null : description.strip();
        if (d != null && d.length() > DESCRIPTION_MAX) {
            throw new IllegalArgumentException("document.descriptionTooLong");
        }
        this.caseFileId = caseFileId;
        this.requestId = requestId;
        this.kind = Objects.requireNonNull(kind);
        this.source = source;
        this.fileName = checked.name();
        this.description = d;
        this.contentType = checked.type().contentType;
        this.sizeBytes = checked.content().length;
        this.content = Base64.getEncoder().encodeToString(checked.content());
        this.uploadedBy = uploadedBy;
        this.uploadedAt = Objects.requireNonNull(at);
    }

    /** A staff member keeps a document on a case. */
    public static CaseDocument ofCase(long caseFileId, Kind kind, UploadPolicy.Checked checked, String description,
                                      String by, Instant at) {
        return new CaseDocument(caseFileId, null, kind, Source.STAFF, checked, description, Objects.requireNonNull(by),
                at);
    }

    /** A document that came with a request (the public form or an e-mail), kept with it until it is registered. */
    public static CaseDocument ofRequest(long requestId, Source source, UploadPolicy.Checked checked, Instant at) {
        return new CaseDocument(null, requestId, Kind.OTHER, source, checked, null, null, at);
    }

    /** The request became case file {@code id}: its documents are the case's now. */
    public void joinCase(long id) {
        this.caseFileId = id;
    }

    public Long getId() {
        return id;
    }

    public Long getCaseFileId() {
        return caseFileId;
    }

    public Kind getKind() {
        return kind;
    }

    public Source getSource() {
        return source;
    }

    public String getFileName() {
        return fileName;
    }

    public String getDescription() {
        return description;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public byte[] content() {
        return Base64.getDecoder().decode(content);
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    @Override
    public String sealingScope() {
        return requestId != null ? SealedRecord.draft(requestId) : SealedRecord.caseFile(caseFileId);
    }
}
