package org.continuum.intake.entity;

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

import java.util.Base64;
import java.util.Objects;

/** A file that came with an intake mail, sealed at rest (the bytes as Base64 inside the sealed text). */
@Entity
@Table(name = "mail_attachment")
public class MailAttachment implements SealedRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_attachment_ids")
    @SequenceGenerator(name = "mail_attachment_ids", sequenceName = "mail_attachment_ids", allocationSize = RowIdSequences.ALLOCATION)
    private Long id;

    @Column(name = "mail_intake_id", nullable = false, updatable = false)
    private long mailIntakeId;

    @Sealed
    @Column(name = "file_name_enc", nullable = false, length = 2048, updatable = false)
    private String fileName;

    @Column(name = "content_type", nullable = false, length = 100, updatable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Sealed
    @Column(name = "content_enc", nullable = false, updatable = false)
    private String content;

    protected MailAttachment() {
    }

    public MailAttachment(long mailIntakeId, String fileName, String contentType, byte[] content) {
        this.mailIntakeId = mailIntakeId;
        this.fileName = Objects.requireNonNull(fileName);
        this.contentType = Objects.requireNonNull(contentType);
        this.sizeBytes = content.length;
        this.content = Base64.getEncoder().encodeToString(content);
    }

    public String getFileName() {
        return fileName;
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

    @Override
    public String sealingScope() {
        return SealedRecord.draft(mailIntakeId);
    }
}
