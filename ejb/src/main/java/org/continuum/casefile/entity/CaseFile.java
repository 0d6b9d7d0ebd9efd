package org.continuum.casefile.entity;

import org.continuum.platform.control.RowIdSequences;
import org.continuum.reference.entity.Situation;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.continuum.identity.entity.Role;
import org.continuum.identity.entity.Team;
import org.continuum.identity.entity.UserAccount;
import org.continuum.reference.entity.Partner;
import org.continuum.security.control.Sealed;
import org.continuum.security.control.SealedRecord;
import org.hibernate.annotations.DynamicUpdate;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A requester's case file. The constructor refuses a case without storage consent: without it nothing about the
 * person may be kept. Sensitive fields are {@link Sealed}; {@code legalNameIndex} is the keyed blind
 * index that lets staff find a person by exact name without the name being readable in the database.
 *
 * <p>An update writes the columns that changed, not all forty: a case file changes a few columns at each step of the
 * continuum, and a full update bound every column again, sealed ones included (P1).
 */
@Entity
@DynamicUpdate
@Table(name = "casefile")
@EntityListeners(CaseFileWrites.class)
public class CaseFile implements SealedRecord {

    public static final int PSEUDONYM_MAX = 120;
    public static final int NAME_MAX = 200;
    public static final int TEXT_MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "casefile_ids")
    @SequenceGenerator(name = "casefile_ids", sequenceName = "casefile_ids", allocationSize = RowIdSequences.ALLOCATION)
    private Long id;

    @Column(nullable = false, unique = true, length = 20, updatable = false)
    private String reference;

    @Column(nullable = false, length = PSEUDONYM_MAX)
    private String pseudonym;

    @Sealed
    @Column(name = "legal_name_enc", nullable = false, length = 1024)
    private String legalName;

    // Never written by an update: an index rotation rebuilds it by SQL, and a case file loaded before must not put
    // the old index back.
    @Column(name = "legal_name_index", nullable = false, length = 64, updatable = false)
    private String legalNameIndex;

    @Sealed
    @Column(name = "contact_enc", length = 4096)
    private String contact;

    @Sealed
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

    @Sealed
    @Column(name = "triage_note_enc", length = 8192)
    private String triageNote;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level", length = 10)
    private RiskLevel riskLevel;

    @Column(name = "next_review_at")
    private Instant nextReviewAt;

    @Column(name = "identity_verified")
    private Boolean identityVerified;

    @Enumerated(EnumType.STRING)
    @Column(name = "verification_method", length = 30)
    private VerificationMethod verificationMethod;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "duplicate_of_id")
    private CaseFile duplicateOf;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "linked_case_id")
    private CaseFile linkedCase;

    /** The partner an ineligible or unverifiable person was pointed to: sealed, it can reveal their situation. */
    @Sealed(number = true)
    @Column(name = "referral_partner_enc", length = 400)
    private String referralPartnerId;

    /** Relocation, exile support and closure: the later parts of the life, each a value of its own. */
    @Embedded
    private Relocation relocation;

    @Embedded
    private ExileSupport exile;

    @Embedded
    private Closure closure;

    @Column(name = "targeted_for_work")
    private Boolean targetedForWork;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 80, updatable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** When the case file was erased (its pseudonymised skeleton is what remains); written by the erasure only. */
    @Column(name = "erased_at", insertable = false, updatable = false)
    private Instant erasedAt;

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
        this.relocation = Relocation.none();
        this.exile = ExileSupport.none();
        this.closure = Closure.none();
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

    /**
     * Triage: eligibility, confirmed urgency, the decision on a possible duplicate and, for an eligible request,
     * the security mentor who will assess it. Ineligible requests close with the reason and, where the requester
     * agreed to be referred, a suggested partner. A merged duplicate closes in favour of the existing case file.
     */
    public void completeTriage(Triage triage, Instant now) {
        requirePhase(Phase.TRIAGE, "triage.notInTriage");
        String cleanNote = optional(triage.note(), TEXT_MAX, "triage.note");
        Objects.requireNonNull(triage.urgency(), "triage.urgency.required");
        DuplicateDecision duplicate = triage.duplicate() == null ? DuplicateDecision.NEW : triage.duplicate();
        if (duplicate != DuplicateDecision.NEW) {
            if (triage.other() == null || triage.other().equals(this)) {
                throw new IllegalArgumentException("triage.duplicate.caseRequired");
            }
            if (!triage.other().belongsTo(team)) {
                throw new IllegalArgumentException("triage.duplicate.otherTeam");
            }
        }
        this.urgency = triage.urgency();
        this.triageNote = cleanNote;
        this.triageOverdue = false;
        this.updatedAt = now;
        if (duplicate == DuplicateDecision.MERGE) {
            this.duplicateOf = triage.other();
            this.eligible = triage.other().getEligible();
            close(Outcome.MERGED_DUPLICATE, now);
            return;
        }
        if (duplicate == DuplicateDecision.LINK) {
            this.linkedCase = triage.other();
        }
        this.eligible = triage.eligible();
        if (!triage.eligible()) {
            if (cleanNote == null) {
                throw new IllegalArgumentException("triage.reason.required");
            }
            this.referralPartnerId = SealedRecord.text(idOf(triage.referral()));
            close(Outcome.INELIGIBLE, now);
            return;
        }
        assignMentor(triage.mentor());
    }

    /** Verification of identity and story. Unverifiable requests close with the reason given on the timeline. */
    public void completeVerification(boolean verified, VerificationMethod method, Partner referral, Instant now) {
        requirePhase(Phase.TRIAGE, "verification.notInTriage");
        if (verified && method == null) {
            throw new IllegalArgumentException("verification.method.required");
        }
        this.identityVerified = verified;
        this.verificationMethod = verified ? method : null;
        this.updatedAt = now;
        if (verified) {
            this.phase = Phase.RISK_ASSESSMENT;
        } else {
            this.referralPartnerId = SealedRecord.text(idOf(referral));
            close(Outcome.UNVERIFIABLE, now);
        }
    }

    /** A risk assessment or reassessment: the level in force and when the case must be looked at again. */
    public void recordRisk(RiskLevel level, Instant nextReview, Instant now) {
        if (phase != Phase.RISK_ASSESSMENT && phase != Phase.PROTECTION_PLAN && phase != Phase.EXILE_SUPPORT) {
            throw new IllegalStateException("risk.notAssessable");
        }
        this.riskLevel = Objects.requireNonNull(level, "risk.level.required");
        this.nextReviewAt = Objects.requireNonNull(nextReview);
        if (phase == Phase.RISK_ASSESSMENT) {
            this.phase = Phase.PROTECTION_PLAN;
        }
        this.updatedAt = now;
    }

    public void assignMentor(UserAccount mentor) {
        if (mentor == null) {
            throw new IllegalArgumentException("triage.mentor.required");
        }
        if (!mentor.hasRole(Role.SECURITY_MENTOR) || !mentor.isEnabled() || !belongsTo(mentor.getTeam())) {
            throw new IllegalArgumentException("triage.mentor.invalid");
        }
        this.assignedMentor = mentor;
    }

    public void escalationProposed(Instant now) {
        requirePhase(Phase.PROTECTION_PLAN, "escalation.notInPlan");
        this.phase = Phase.ESCALATION;
        this.updatedAt = now;
    }

    /** Back to local measures: the escalation was refused, or a relocation was called off. */
    public void backToProtectionPlan(Instant nextReview, Instant now) {
        if (phase != Phase.ESCALATION && phase != Phase.RELOCATION) {
            throw new IllegalStateException("escalation.notPending");
        }
        this.phase = Phase.PROTECTION_PLAN;
        this.relocation = relocation().calledOff();
        this.nextReviewAt = nextReview;
        this.updatedAt = now;
    }

    public void escalationApproved(RelocationScope scope, Instant now) {
        requirePhase(Phase.ESCALATION, "escalation.notPending");
        this.relocation = relocation().approved(scope);
        this.phase = Phase.RELOCATION;
        this.updatedAt = now;
    }

    public void relocationPrepared(Partner partner, String destination, Instant now) {
        requirePhase(Phase.RELOCATION, "relocation.notInRelocation");
        this.relocation = relocation().prepared(partner, destination, country);
        this.updatedAt = now;
    }

    public void arrived(Instant arrivedAt, Instant firstCheckIn, Instant now) {
        requirePhase(Phase.RELOCATION, "relocation.notInRelocation");
        this.relocation = relocation().arrived(arrivedAt, now);
        this.phase = Phase.EXILE_SUPPORT;
        this.nextReviewAt = firstCheckIn;
        this.updatedAt = now;
    }

    public void checkedIn(Partner handover, Instant nextCheckIn, Instant now) {
        requirePhase(Phase.EXILE_SUPPORT, "checkIn.notInExile");
        this.exile = exile().checkedIn(handover);
        this.nextReviewAt = nextCheckIn;
        this.updatedAt = now;
    }

    /** A relocated case's closure waits for a coordinator's sign-off. */
    public void proposeClosure(Outcome outcome, String proposer, Instant now) {
        requirePhase(Phase.EXILE_SUPPORT, "checkIn.notInExile");
        this.closure = closure().proposed(outcome, proposer);
        this.updatedAt = now;
    }

    public void closureSignedOff(String signer, Instant now) {
        requirePhase(Phase.EXILE_SUPPORT, "closure.notProposed");
        Closure signed = closure().signedOff(signer, now);
        close(signed.outcome(), now);
    }

    public void closureRefused(Instant nextCheckIn, Instant now) {
        requirePhase(Phase.EXILE_SUPPORT, "closure.notProposed");
        this.closure = closure().refused();
        this.nextReviewAt = nextCheckIn;
        this.updatedAt = now;
    }

    /**
     * The mentor proposes to close a case that was not relocated: like a relocated case, it closes only when a
     * coordinator other than the proposer signs it off (a mentor alone cannot stop a person's follow-up).
     */
    public void proposeClosureInPlace(Outcome outcome, String proposer, Instant now) {
        requirePhase(Phase.PROTECTION_PLAN, "closure.notInPlan");
        if (outcome == null || !outcome.isChosenAtClosure() || outcome == Outcome.RELOCATED_AND_SAFE) {
            throw new IllegalArgumentException("closure.outcome.invalid");
        }
        this.closure = closure().proposed(outcome, proposer);
        this.updatedAt = now;
    }

    public void closureInPlaceSignedOff(String signer, Instant now) {
        requirePhase(Phase.PROTECTION_PLAN, "closure.notProposed");
        Closure signed = closure().signedOff(signer, now);
        close(signed.outcome(), now);
    }

    /** The coordinator sent the closure back: the protection plan goes on. */
    public void closureInPlaceRefused(Instant now) {
        requirePhase(Phase.PROTECTION_PLAN, "closure.notProposed");
        this.closure = closure().refused();
        this.updatedAt = now;
    }

    private void close(Outcome outcome, Instant now) {
        this.closure = closure().closed(outcome, now);
        this.phase = Phase.CLOSED;
        this.nextReviewAt = null;
        this.updatedAt = now;
    }

    private void requirePhase(Phase expected, String key) {
        if (phase != expected) {
            throw new IllegalStateException(key);
        }
    }

    /** What the caseworker decided at triage. */
    public record Triage(boolean eligible, Urgency urgency, String note, DuplicateDecision duplicate, CaseFile other,
                         UserAccount mentor, Partner referral) {
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

    /**
     * Whether the person is targeted because of their LGBTQIA+ or human-rights work (null: not known). Some partners
     * and funds help only them; staff record it once they know.
     */
    public void recordTargetedForWork(Boolean targeted, Instant now) {
        if (phase == Phase.CLOSED) {
            throw new IllegalStateException("case.closed");
        }
        this.targetedForWork = targeted;
        this.updatedAt = now;
    }

    public Boolean getTargetedForWork() {
        return targetedForWork;
    }

    public boolean belongsTo(Team other) {
        return other != null && team.getCode().equals(other.getCode());
    }

    public boolean isAssignedTo(UserAccount mentor) {
        return assignedMentor != null && mentor != null && assignedMentor.getUsername().equals(mentor.getUsername());
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

    public UserAccount getAssignedMentor() {
        return assignedMentor;
    }

    public RiskLevel getRiskLevel() {
        return riskLevel;
    }

    public Instant getNextReviewAt() {
        return nextReviewAt;
    }

    public Boolean getIdentityVerified() {
        return identityVerified;
    }

    public VerificationMethod getVerificationMethod() {
        return verificationMethod;
    }

    public CaseFile getDuplicateOf() {
        return duplicateOf;
    }

    public CaseFile getLinkedCase() {
        return linkedCase;
    }

    public Long getReferralPartnerId() {
        return SealedRecord.number(referralPartnerId);
    }

    static Long idOf(Partner partner) {
        return partner == null ? null : partner.getId();
    }

    /** The relocation part of the life (empty values before an escalation is approved). */
    public Relocation relocation() {
        return relocation == null ? Relocation.none() : relocation;
    }

    public ExileSupport exile() {
        return exile == null ? ExileSupport.none() : exile;
    }

    public Closure closure() {
        return closure == null ? Closure.none() : closure;
    }

    public RelocationScope getRelocationScope() {
        return relocation().scope();
    }

    public Long getRelocationPartnerId() {
        return relocation().partnerId();
    }

    public String getDestinationCountry() {
        return relocation().destinationCountry();
    }

    public Instant getArrivedAt() {
        return relocation().arrivedAt();
    }

    public int getCheckInsDone() {
        return exile().checkInsDone();
    }

    public Long getHandoverPartnerId() {
        return exile().handoverPartnerId();
    }

    public Outcome getClosureOutcome() {
        return closure().outcome();
    }

    public String getClosureProposedBy() {
        return closure().proposedBy();
    }

    public Instant getClosedAt() {
        return closure().closedAt();
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

    public Instant getErasedAt() {
        return erasedAt;
    }

    public boolean isErased() {
        return erasedAt != null;
    }

    @Override
    public String sealingScope() {
        return SealedRecord.caseFile(id);
    }
}
