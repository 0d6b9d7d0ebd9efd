package org.continuum.relocation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.continuum.platform.control.RowIdSequences;
import org.continuum.security.control.Sealed;
import org.continuum.security.control.SealedRecord;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A case's application to a relocation programme, from submission to arrival (or refusal, or withdrawal). Which
 * programme, the checklist answers, the note and the travel date are sealed: together they tell where and when a
 * person goes. The persons counted (the person and the family members who travel) and the year stay in clear for
 * the quota.
 */
@Entity
@Table(name = "route_application")
public class RouteApplication implements SealedRecord {

    /** Where an application stands; the order is the order of the route. */
    public enum State {
        SUBMITTED, INTERVIEW, ISSUED, TRAVEL_BOOKED, ARRIVED, REFUSED, WITHDRAWN;

        public boolean waiting() {
            return this == SUBMITTED || this == INTERVIEW || this == ISSUED || this == TRAVEL_BOOKED;
        }

        /** True while the application holds places under the programme's allocation. */
        public boolean holdsPlaces() {
            return waiting() || this == ARRIVED;
        }

        /** True once the places count as used (the visa or travel document was issued). */
        public boolean placesUsed() {
            return this == ISSUED || this == TRAVEL_BOOKED || this == ARRIVED;
        }
    }

    /** What staff record on a waiting application; each step is allowed from some states only. */
    public enum Step {
        INTERVIEW(EnumSet.of(State.SUBMITTED), State.INTERVIEW),
        ISSUED(EnumSet.of(State.SUBMITTED, State.INTERVIEW), State.ISSUED),
        REFUSED(EnumSet.of(State.SUBMITTED, State.INTERVIEW), State.REFUSED),
        TRAVEL_BOOKED(EnumSet.of(State.ISSUED), State.TRAVEL_BOOKED),
        ARRIVED(EnumSet.of(State.ISSUED, State.TRAVEL_BOOKED), State.ARRIVED),
        WITHDRAWN(EnumSet.of(State.SUBMITTED, State.INTERVIEW, State.ISSUED, State.TRAVEL_BOOKED), State.WITHDRAWN);

        private final Set<State> from;
        private final State to;

        Step(Set<State> from, State to) {
            this.from = from;
            this.to = to;
        }

        public boolean allowedFrom(State state) {
            return from.contains(state);
        }

        public State to() {
            return to;
        }
    }

    public static final int NOTE_MAX = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "route_application_ids")
    @SequenceGenerator(name = "route_application_ids", sequenceName = "route_application_ids", allocationSize = RowIdSequences.ALLOCATION)
    private Long id;

    @Column(name = "casefile_id", nullable = false, updatable = false)
    private Long caseFileId;

    @Sealed(number = true)
    @Column(name = "programme_enc", updatable = false, length = 400)
    private String programmeId;

    @Column(name = "year_number", nullable = false, updatable = false)
    private int year;

    @Column(nullable = false, updatable = false)
    private int persons;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private State state;

    @Sealed
    @Column(name = "answers_enc", nullable = false, updatable = false)
    private String answers;

    @Sealed
    @Column(name = "note_enc", length = 8192)
    private String note;

    @Sealed
    @Column(name = "travel_on_enc", length = 400)
    private String travelOn;

    @Column(name = "created_by", nullable = false, updatable = false, length = 80)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "reminder_due_at")
    private Instant reminderDueAt;

    @Column(nullable = false)
    private boolean reminded;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Version
    private long version;

    protected RouteApplication() {
    }

    public RouteApplication(long caseFileId, Programme programme, int year, int persons,
                            Map<ChecklistItem, ChecklistAnswer> answers, Map<ChecklistItem, String> itemNotes,
                            String note, String by, Instant at) {
        if (persons < 1 || persons > 31) {
            throw new IllegalArgumentException("route.persons.invalid");
        }
        this.caseFileId = caseFileId;
        this.programmeId = SealedRecord.text(Objects.requireNonNull(programme.getId()));
        this.year = year;
        this.persons = persons;
        this.state = State.SUBMITTED;
        this.answers = encode(answers, itemNotes == null ? Map.of() : itemNotes);
        this.note = clean(note);
        this.createdBy = by;
        this.createdAt = at;
        this.changedAt = at;
    }

    static String clean(String note) {
        String n = note == null || note.isBlank() ? null : note.strip();
        if (n != null && n.length() > NOTE_MAX) {
            throw new IllegalArgumentException("route.note.tooLong");
        }
        return n;
    }

    /** A note on one checklist item: why it is met or not, where the evidence is. */
    public static final int ITEM_NOTE_MAX = 500;

    /** {@code ITEM=ANSWER=note;…}, the note URL-encoded; the whole string is sealed. */
    static String encode(Map<ChecklistItem, ChecklistAnswer> answers, Map<ChecklistItem, String> itemNotes) {
        return answers.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> {
            String itemNote = itemNotes.get(e.getKey());
            String n = itemNote == null || itemNote.isBlank() ? "" : itemNote.strip();
            if (n.length() > ITEM_NOTE_MAX) {
                throw new IllegalArgumentException("route.itemNote.tooLong");
            }
            return e.getKey().name() + "=" + e.getValue().name() + "="
                    + java.net.URLEncoder.encode(n, java.nio.charset.StandardCharsets.UTF_8);
        }).collect(Collectors.joining(";"));
    }

    public Map<ChecklistItem, ChecklistAnswer> answers() {
        Map<ChecklistItem, ChecklistAnswer> map = new EnumMap<>(ChecklistItem.class);
        decoded().forEach(parts -> map.put(ChecklistItem.valueOf(parts[0]), ChecklistAnswer.valueOf(parts[1])));
        return map;
    }

    /** The notes given on checklist items (items without a note are left out). */
    public Map<ChecklistItem, String> itemNotes() {
        Map<ChecklistItem, String> map = new EnumMap<>(ChecklistItem.class);
        decoded().stream().filter(parts -> parts.length > 2 && !parts[2].isEmpty())
                .forEach(parts -> map.put(ChecklistItem.valueOf(parts[0]),
                        java.net.URLDecoder.decode(parts[2], java.nio.charset.StandardCharsets.UTF_8)));
        return map;
    }

    private java.util.List<String[]> decoded() {
        if (answers == null || answers.isEmpty()) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(answers.split(";")).map(pair -> pair.split("=", 3)).toList();
    }

    /**
     * Moves the application on; refused from a state the step does not start from. A note replaces the previous one
     * when given; the travel date is kept with a booked travel.
     */
    public State move(Step step, LocalDate travelDate, String stepNote, Instant at) {
        if (!step.allowedFrom(state)) {
            throw new IllegalStateException("route.step.notNow");
        }
        if (step == Step.TRAVEL_BOOKED) {
            if (travelDate == null) {
                throw new IllegalArgumentException("route.travelDate.required");
            }
            travelOn = travelDate.toString();
        }
        if ((step == Step.REFUSED || step == Step.WITHDRAWN) && (stepNote == null || stepNote.isBlank())) {
            throw new IllegalArgumentException("route.reason.required");
        }
        State before = state;
        state = step.to();
        String n = clean(stepNote);
        if (n != null) {
            note = n;
        }
        changedAt = at;
        reminded = false;
        return before;
    }

    public void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public void reminderDue(Instant at) {
        this.reminderDueAt = at;
    }

    /** True the first time only: a retried reminder job changes nothing. */
    public boolean markReminded() {
        if (reminded || !state.waiting()) {
            return false;
        }
        reminded = true;
        return true;
    }

    public LocalDate travelDate() {
        return travelOn == null ? null : LocalDate.parse(travelOn);
    }

    public Long getId() { return id; }
    public Long getCaseFileId() { return caseFileId; }
    public Long getProgrammeId() { return SealedRecord.number(programmeId); }
    public int getYear() { return year; }
    public int getPersons() { return persons; }
    public State getState() { return state; }
    public String getNote() { return note; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getChangedAt() { return changedAt; }
    public Instant getReminderDueAt() { return reminderDueAt; }
    public boolean isReminded() { return reminded; }
    public String getProcessInstanceId() { return processInstanceId; }

    @Override
    public String sealingScope() {
        return SealedRecord.caseFile(caseFileId);
    }
}
