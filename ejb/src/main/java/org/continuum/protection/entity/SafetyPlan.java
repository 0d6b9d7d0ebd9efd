package org.continuum.protection.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import org.continuum.platform.control.RowIdSequences;
import org.continuum.security.control.Sealed;
import org.continuum.security.control.SealedRecord;

import java.time.Instant;

/**
 * The safety plan written with the person (who to call, code words, safe routes, what to do if…) and the check of
 * their digital security (devices, accounts, signs of compromise, the basic protections in place). One per case
 * file; every text is sealed because it tells an adversary exactly how the person protects themselves.
 */
@Entity
@Table(name = "safety_plan")
public class SafetyPlan implements SealedRecord {

    public static final int MAX_TEXT = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "safety_plan_ids")
    @SequenceGenerator(name = "safety_plan_ids", sequenceName = "safety_plan_ids", allocationSize = RowIdSequences.ALLOCATION)
    private Long id;

    @Column(name = "casefile_id", nullable = false, unique = true, updatable = false)
    private long caseFileId;

    @Sealed
    @Column(name = "contacts_enc", length = 8192)
    private String contacts;

    @Sealed
    @Column(name = "code_words_enc", length = 8192)
    private String codeWords;

    @Sealed
    @Column(name = "safe_routes_enc", length = 8192)
    private String safeRoutes;

    @Sealed
    @Column(name = "if_then_enc", length = 8192)
    private String ifThen;

    @Sealed
    @Column(name = "devices_enc", length = 8192)
    private String devices;

    @Sealed
    @Column(name = "accounts_enc", length = 8192)
    private String accounts;

    @Sealed
    @Column(name = "compromise_signs_enc", length = 8192)
    private String compromiseSigns;

    @Column(name = "screen_lock", nullable = false)
    private boolean screenLock;

    @Column(name = "disk_encryption", nullable = false)
    private boolean diskEncryption;

    @Column(name = "two_factor", nullable = false)
    private boolean twoFactor;

    @Column(name = "secure_messenger", nullable = false)
    private boolean secureMessenger;

    @Column(nullable = false)
    private boolean backups;

    @Column(name = "location_sharing_off", nullable = false)
    private boolean locationSharingOff;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 80)
    private String updatedBy;

    @Version
    private long version;

    protected SafetyPlan() {
    }

    public SafetyPlan(long caseFileId) {
        this.caseFileId = caseFileId;
    }

    /** The plan's content as forms and pages see it. */
    public record Content(String contacts, String codeWords, String safeRoutes, String ifThen, String devices,
                          String accounts, String compromiseSigns, boolean screenLock, boolean diskEncryption,
                          boolean twoFactor, boolean secureMessenger, boolean backups, boolean locationSharingOff) implements Serializable {

        public static final Content EMPTY = new Content(null, null, null, null, null, null, null, false, false,
                false, false, false, false);

        /** The protections checked, out of six. */
        public int protectionsInPlace() {
            return (screenLock ? 1 : 0) + (diskEncryption ? 1 : 0) + (twoFactor ? 1 : 0) + (secureMessenger ? 1 : 0)
                    + (backups ? 1 : 0) + (locationSharingOff ? 1 : 0);
        }

        @Override
        public String toString() {
            return "SafetyPlan.Content[" + protectionsInPlace() + "/6]";
        }
    }

    public void update(Content c, String by, Instant at) {
        for (String text : new String[]{c.contacts(), c.codeWords(), c.safeRoutes(), c.ifThen(), c.devices(),
                c.accounts(), c.compromiseSigns()}) {
            if (text != null && text.length() > MAX_TEXT) {
                throw new IllegalArgumentException("safetyPlan.text.tooLong");
            }
        }
        contacts = clean(c.contacts());
        codeWords = clean(c.codeWords());
        safeRoutes = clean(c.safeRoutes());
        ifThen = clean(c.ifThen());
        devices = clean(c.devices());
        accounts = clean(c.accounts());
        compromiseSigns = clean(c.compromiseSigns());
        screenLock = c.screenLock();
        diskEncryption = c.diskEncryption();
        twoFactor = c.twoFactor();
        secureMessenger = c.secureMessenger();
        backups = c.backups();
        locationSharingOff = c.locationSharingOff();
        updatedBy = by;
        updatedAt = at;
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public Content content() {
        return new Content(contacts, codeWords, safeRoutes, ifThen, devices, accounts, compromiseSigns, screenLock,
                diskEncryption, twoFactor, secureMessenger, backups, locationSharingOff);
    }

    public long getCaseFileId() {
        return caseFileId;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    @Override
    public String sealingScope() {
        return SealedRecord.caseFile(caseFileId);
    }
}
