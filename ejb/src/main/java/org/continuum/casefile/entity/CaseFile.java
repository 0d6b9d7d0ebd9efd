package org.continuum.casefile.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.continuum.identity.entity.Team;
import org.continuum.identity.entity.UserAccount;
import org.continuum.security.control.Encrypted;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A requester's case file. The constructor refuses a case without storage consent: without it nothing about the
 * person may be kept. Sensitive fields are sealed by {@link Encrypted}; {@code legalNameIndex} is the keyed blind
 * index that lets staff find a person by exact name without the name being readable in the database.
 */
@Entity
@Table(name = "casefile")
public class CaseFile {

    public static final int PSEUDONYM_MAX = 120;
    public static final int NAME_MAX = 200;
    public static final int TEXT_MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 20, updatable = false)
    private String reference;

    @Column(nullable = false, length = PSEUDONYM_MAX)
    private String pseudonym;

    @Convert(converter = Encrypted.class)
    @Column(name = "legal_name_enc", nullable = false, length = 1024)
    private String legalName;

    @Column(name = "legal_name_index", nullable = false, length = 64)
    private String legalNameIndex;

    @Convert(converter = Encrypted.class)
    @Column(name = "contact_enc", length = 4096)
    private String contact;

    @Convert(converter = Encrypted.class)
    @Column(name = "location_enc", length = 4096)
    private String location;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private Situation situation;

    @Column(nullable = false, length = 2)
    private String country;

    @Column(nullable = false, length = 200)
    private String languages;

    @Enumerated(EnumType.STRING)
    @Column(name = "request_type", nullable = false, length = 40)
    private RequestType requestType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Urgency urgency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private Phase phase;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "team_id", nullable = false)
    private Team team;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assigned_mentor_id")
    private UserAccount assignedMentor;

    @Column(name = "consent_storage", nullable = false)
    private boolean consentStorage;

    @Column(name = "consent_recorded_at", nullable = false)
    private Instant consentRecordedAt;

    @Column(name = "triage_overdue", nullable = false)
    private boolean triageOverdue;

    @Column(name = "eligible")
    private Boolean eligible;

    @Convert(converter = Encrypted.class)
    @Column(name = "triage_note_enc", length = 8192)
    private String triageNote;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 80, updatable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected CaseFile() {
    }

    public CaseFile(String reference, Requester requester, Intake intake, Team team, String createdBy, Instant now) {
        if (!CaseReference.isValid(reference)) {
            throw new IllegalArgumentException("invalid case reference");
        }
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(intake, "intake");
        if (!intake.consentStorage()) {
            throw new IllegalArgumentException("intake.consent.required");
        }
        this.reference = reference;
        this.pseudonym = requester.pseudonym();
        this.legalName = requester.legalName();
        this.legalNameIndex = Objects.requireNonNull(requester.legalNameIndex(), "legal name index");
        this.contact = requester.contact();
        this.location = requester.location();
        this.situation = intake.situation();
        this.country = intake.country();
        this.languages = String.join(",", intake.languages());
        this.requestType = intake.requestType();
        this.urgency = intake.urgency();
        this.channel = intake.channel();
        this.consentStorage = true;
        this.consentRecordedAt = now;
        this.team = Objects.requireNonNull(team, "team");
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.createdAt = now;
        this.updatedAt = now;
        this.phase = Phase.TRIAGE;
    }

    /** The requester's identity as typed at intake. Validated here so every door applies the same limits. */
    public record Requester(String pseudonym, String legalName, String legalNameIndex, String contact,
                            String location) {
        public Requester {
            pseudonym = required(pseudonym, PSEUDONYM_MAX, "intake.pseudonym");
            legalName = required(legalName, NAME_MAX, "intake.legalName");
            contact = optional(contact, TEXT_MAX, "intake.contact");
            location = optional(location, TEXT_MAX, "intake.location");
        }
    }

    /** The facts of the request as recorded at intake. */
    public record Intake(Situation situation, String country, List<String> languages, RequestType requestType,
                         Urgency urgency, Channel channel, boolean consentStorage) {
        public Intake {
            Objects.requireNonNull(situation, "intake.situation.required");
            Objects.requireNonNull(requestType, "intake.requestType.required");
            Objects.requireNonNull(urgency, "intake.urgency.required");
            Objects.requireNonNull(channel, "intake.channel.required");
            if (country == null || !Arrays.asList(java.util.Locale.getISOCountries()).contains(country)) {
                throw new IllegalArgumentException("intake.country.invalid");
            }
            if (languages == null || languages.isEmpty()) {
                throw new IllegalArgumentException("intake.languages.required");
            }
            for (String language : languages) {
                if (!Arrays.asList(java.util.Locale.getISOLanguages()).contains(language)) {
                    throw new IllegalArgumentException("intake.languages.invalid");
                }
            }
            languages = List.copyOf(languages);
        }
    }

    static String required(String value, int max, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + ".required");
        }
        return optional(value, max, key);
    }

    static String optional(String value, int max, String key) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new IllegalArgumentException(key + ".tooLong");
        }
        if (stripped.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new IllegalArgumentException(key + ".invalidCharacters");
        }
        return stripped;
    }

    public void attachProcess(String processInstanceId) {
        if (this.processInstanceId != null) {
            throw new IllegalStateException("the case file already has a process");
        }
        this.processInstanceId = Objects.requireNonNull(processInstanceId);
    }

    /** Triage outcome: eligible requests go on to risk assessment; others close with the recorded reason. */
    public void completeTriage(boolean eligible, Urgency confirmedUrgency, String note, Instant now) {
        if (phase != Phase.TRIAGE) {
            throw new IllegalStateException("triage.notInTriage");
        }
        String cleanNote = optional(note, TEXT_MAX, "triage.note");
        if (!eligible && cleanNote == null) {
            throw new IllegalArgumentException("triage.reason.required");
        }
        this.eligible = eligible;
        this.urgency = Objects.requireNonNull(confirmedUrgency, "triage.urgency.required");
        this.triageNote = cleanNote;
        this.phase = eligible ? Phase.RISK_ASSESSMENT : Phase.CLOSED;
        this.triageOverdue = false;
        this.updatedAt = now;
    }

    /** Called when the triage deadline passed before triage was done. Idempotent: a retried job changes nothing. */
    public boolean flagTriageOverdue(Instant now) {
        if (phase != Phase.TRIAGE || triageOverdue) {
            return false;
        }
        triageOverdue = true;
        updatedAt = now;
        return true;
    }

    public boolean belongsTo(Team other) {
        return other != null && team.getId().equals(other.getId());
    }

    public boolean isAssignedTo(UserAccount mentor) {
        return assignedMentor != null && mentor != null && assignedMentor.getId().equals(mentor.getId());
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public String getPseudonym() {
        return pseudonym;
    }

    public String getLegalName() {
        return legalName;
    }

    public String getContact() {
        return contact;
    }

    public String getLocation() {
        return location;
    }

    public Situation getSituation() {
        return situation;
    }

    public String getCountry() {
        return country;
    }

    public List<String> getLanguages() {
        return languages.isEmpty() ? List.of() : List.of(languages.split(","));
    }

    public RequestType getRequestType() {
        return requestType;
    }

    public Urgency getUrgency() {
        return urgency;
    }

    public Channel getChannel() {
        return channel;
    }

    public Phase getPhase() {
        return phase;
    }

    public Team getTeam() {
        return team;
    }

    public boolean isConsentStorage() {
        return consentStorage;
    }

    public Instant getConsentRecordedAt() {
        return consentRecordedAt;
    }

    public boolean isTriageOverdue() {
        return triageOverdue;
    }

    public Boolean getEligible() {
        return eligible;
    }

    public String getTriageNote() {
        return triageNote;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CaseFile other && reference.equals(other.reference);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reference);
    }
}
