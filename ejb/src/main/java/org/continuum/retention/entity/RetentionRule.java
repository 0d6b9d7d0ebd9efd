package org.continuum.retention.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

/**
 * How long one kind of record is kept: the days after its start point (a draft's arrival, a case file's closure),
 * the days one extension adds, and the grace period: a case file that received new information within it is kept.
 */
@Entity
@Table(name = "retention_rule")
public class RetentionRule {

    /** What a rule applies to. */
    public enum Code {
        /** A mail or web-form request never registered as a case file, counted from its arrival. */
        DRAFT_NOT_REGISTERED,
        /** A case file closed at triage or verification (ineligible, unverifiable, a duplicate), from its closure. */
        CASE_NOT_TAKEN_ON,
        /** Any other closed case file, from its closure. */
        CASE_CLOSED
    }

    @Id
    @Enumerated(EnumType.STRING)
    @Column(length = 40)
    private Code code;

    @Column(name = "keep_days", nullable = false)
    private int keepDays;

    @Column(name = "extension_days", nullable = false)
    private int extensionDays;

    @Column(name = "grace_days", nullable = false)
    private int graceDays;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 80)
    private String updatedBy;

    protected RetentionRule() {
    }

    public RetentionRule(Code code, int keepDays, int extensionDays, int graceDays) {
        this.code = code;
        this.keepDays = keepDays;
        this.extensionDays = extensionDays;
        this.graceDays = graceDays;
        this.updatedAt = Instant.EPOCH;
        this.updatedBy = "test";
    }

    /** The figures of an applied change (see {@link RetentionRuleChange#decide}). */
    void change(int keep, int extension, int grace, String by, Instant now) {
        this.keepDays = keep;
        this.extensionDays = extension;
        this.graceDays = grace;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    public Code getCode() {
        return code;
    }

    public int getKeepDays() {
        return keepDays;
    }

    public int getExtensionDays() {
        return extensionDays;
    }

    public int getGraceDays() {
        return graceDays;
    }

    public Duration keep() {
        return Duration.ofDays(keepDays);
    }

    public Duration extension() {
        return Duration.ofDays(extensionDays);
    }

    public Duration grace() {
        return Duration.ofDays(graceDays);
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
