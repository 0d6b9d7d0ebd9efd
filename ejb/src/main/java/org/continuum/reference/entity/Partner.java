package org.continuum.reference.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

import java.util.List;
import java.util.Objects;

/**
 * An organisation a case file may be referred to. Services, languages and contact channels are short codes kept
 * as separated lists; the limits a partner states (for example "no immigration advice") are kept verbatim so
 * caseworkers see them before referring. The eligibility rules the partner states (situations, countries, people
 * targeted because of their work) are data, so that the referral desk can suggest partners that fit a case. Once
 * an administrator has changed a partner, the seed file no longer overwrites it.
 */
@Entity
@Table(name = "partner")
public class Partner {

    public enum Kind { INTERGOVERNMENTAL, HUMAN_RIGHTS_NGO, LGBTQIA_ORGANISATION, ONLINE_SUPPORT, SAFE_PLACE_NETWORK }

    public static final int DEFAULT_ANSWER_DAYS = 7;
    public static final int MAX_ANSWER_DAYS = 90;

    /**
     * What the partner states about whom it helps. Empty lists mean "any"; situations are the names of the case
     * file's situation values, countries ISO 3166 alpha-2 codes.
     */
    public record Rules(List<String> situations, List<String> countries, boolean requiresTargetedForWork,
                        int answerDays) {
        public Rules {
            situations = situations == null ? List.of() : List.copyOf(situations);
            countries = countries == null ? List.of() : List.copyOf(countries);
            if (answerDays < 1 || answerDays > MAX_ANSWER_DAYS) {
                throw new IllegalArgumentException("partner.answerDays.range");
            }
        }

        public static Rules open() {
            return new Rules(List.of(), List.of(), false, DEFAULT_ANSWER_DAYS);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 60)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private Kind kind;

    @Column(nullable = false, length = 1000)
    private String services;

    @Column(nullable = false, length = 200)
    private String languages;

    @Column(name = "contact_channels", nullable = false, length = 1000)
    private String contactChannels;

    @Column(name = "stated_limits", length = 1000)
    private String statedLimits;

    @Column(length = 300)
    private String website;

    @Column(length = 400)
    private String situations;

    @Column(length = 1000)
    private String countries;

    @Column(name = "requires_targeted_for_work", nullable = false)
    private boolean requiresTargetedForWork;

    @Column(name = "answer_days", nullable = false)
    private int answerDays = DEFAULT_ANSWER_DAYS;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "edited_by", length = 80)
    private String editedBy;

    @Column(name = "edited_at")
    private Instant editedAt;

    @Version
    private long version;

    protected Partner() {
    }

    public Partner(String code, String name, Kind kind, List<String> services, List<String> languages,
                   List<String> contactChannels, String statedLimits, String website) {
        this.code = Objects.requireNonNull(code);
        this.name = Objects.requireNonNull(name);
        this.kind = Objects.requireNonNull(kind);
        update(name, kind, services, languages, contactChannels, statedLimits, website);
    }

    /** The seed file's version of the partner; ignored once an administrator has edited it. */
    public void seeded(Partner fromFile) {
        if (editedBy != null) {
            return;
        }
        update(fromFile.name, fromFile.kind, fromFile.getServices(), fromFile.getLanguages(),
                fromFile.getContactChannels(), fromFile.statedLimits, fromFile.website);
        applyRules(fromFile.rules());
    }

    /** An administrator's change: the partner's facts, rules and whether it takes referrals now. */
    public void edit(String name, Kind kind, List<String> services, List<String> languages,
                     List<String> contactChannels, String statedLimits, String website, Rules rules, boolean active,
                     String by, Instant at) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("partner.name.required");
        }
        if (services == null || services.isEmpty()) {
            throw new IllegalArgumentException("partner.services.required");
        }
        if (contactChannels == null || contactChannels.isEmpty()) {
            throw new IllegalArgumentException("partner.channels.required");
        }
        update(name.strip(), Objects.requireNonNull(kind, "partner.kind.required"), services,
                languages == null || languages.isEmpty() ? List.of("en") : languages, contactChannels,
                statedLimits == null || statedLimits.isBlank() ? null : statedLimits.strip(),
                website == null || website.isBlank() ? null : website.strip());
        applyRules(Objects.requireNonNull(rules));
        this.active = active;
        this.editedBy = Objects.requireNonNull(by);
        this.editedAt = Objects.requireNonNull(at);
    }

    public final void applyRules(Rules rules) {
        this.situations = rules.situations().isEmpty() ? null : String.join("|", rules.situations());
        this.countries = rules.countries().isEmpty() ? null : String.join("|", rules.countries());
        this.requiresTargetedForWork = rules.requiresTargetedForWork();
        this.answerDays = rules.answerDays();
    }

    public Rules rules() {
        return new Rules(split(situations), split(countries), requiresTargetedForWork, answerDays);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : List.of(joined.split("\\|"));
    }

    public boolean isActive() {
        return active;
    }

    public String getEditedBy() {
        return editedBy;
    }

    public Instant getEditedAt() {
        return editedAt;
    }

    public final void update(String name, Kind kind, List<String> services, List<String> languages,
                             List<String> contactChannels, String statedLimits, String website) {
        this.name = name;
        this.kind = kind;
        this.services = String.join("|", services);
        this.languages = String.join("|", languages);
        this.contactChannels = String.join("|", contactChannels);
        this.statedLimits = statedLimits;
        this.website = website;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public Kind getKind() {
        return kind;
    }

    public List<String> getServices() {
        return List.of(services.split("\\|"));
    }

    public List<String> getLanguages() {
        return List.of(languages.split("\\|"));
    }

    public List<String> getContactChannels() {
        return List.of(contactChannels.split("\\|"));
    }

    public String getStatedLimits() {
        return statedLimits;
    }

    public String getWebsite() {
        return website;
    }
}
