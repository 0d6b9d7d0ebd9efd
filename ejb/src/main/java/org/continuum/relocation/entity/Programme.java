package org.continuum.relocation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A relocation programme a person can be referred to: a resettlement stream, a humanitarian visa, a temporary
 * relocation (shelter city), an internal relocation scheme or a partner-run route. Who may refer to it, the checklist
 * it applies, its places per year (counted in persons, family members included) and what happens to applicants who
 * do not fit. Kept in {@code seeds/reference/programmes.csv}.
 */
@Entity
@Table(name = "relocation_programme")
public class Programme {

    public enum Kind { RESETTLEMENT_STREAM, HUMANITARIAN_VISA, TEMPORARY_RELOCATION, INTERNAL_RELOCATION, PARTNER_ROUTE }

    /** In {@link #referredThrough}: the organisation may refer directly. */
    public static final String DIRECT = "direct";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 60)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private Kind kind;

    /** ISO codes separated by '|'; empty when the programme places people in several countries it chooses. */
    @Column(length = 400)
    private String destinations;

    /** {@value #DIRECT} and/or partner codes, separated by '|'. */
    @Column(name = "referred_through", nullable = false, length = 400)
    private String referredThrough;

    @Column(nullable = false, length = 600)
    private String checklist;

    @Column(name = "places_per_year")
    private Integer placesPerYear;

    /** The places the programme gives the organisation (or the partner it refers through) each year. */
    @Column(name = "our_places_per_year")
    private Integer ourPlacesPerYear;

    @Column(name = "required_documents", length = 400)
    private String requiredDocuments;

    @Column(name = "processing_days", nullable = false)
    private int processingDays;

    @Column(name = "stay_months")
    private Integer stayMonths;

    @Column(name = "not_fitting", length = 500)
    private String notFitting;

    @Column(nullable = false, length = 500)
    private String source;

    @Column(name = "checked_on", nullable = false)
    private LocalDate checkedOn;

    @Column(nullable = false)
    private boolean active = true;

    protected Programme() {
    }

    public Programme(String code, String name, Kind kind, List<String> destinations, List<String> referredThrough,
                     List<ChecklistItem> checklist, Integer placesPerYear, Integer ourPlacesPerYear,
                     List<String> requiredDocuments, int processingDays, Integer stayMonths, String notFitting,
                     String source, LocalDate checkedOn) {
        this.code = Objects.requireNonNull(code);
        this.name = Objects.requireNonNull(name);
        this.kind = Objects.requireNonNull(kind);
        this.destinations = String.join("|", destinations);
        this.referredThrough = String.join("|", referredThrough);
        this.checklist = String.join("|", checklist.stream().map(Enum::name).toList());
        this.placesPerYear = placesPerYear;
        this.ourPlacesPerYear = ourPlacesPerYear;
        this.requiredDocuments = String.join("|", requiredDocuments);
        this.processingDays = processingDays;
        this.stayMonths = stayMonths;
        this.notFitting = notFitting;
        this.source = Objects.requireNonNull(source);
        this.checkedOn = Objects.requireNonNull(checkedOn);
    }

    /** The file's values win at every start (the seed file is where programmes are kept). */
    public void update(Programme loaded) {
        name = loaded.name;
        kind = loaded.kind;
        destinations = loaded.destinations;
        referredThrough = loaded.referredThrough;
        checklist = loaded.checklist;
        placesPerYear = loaded.placesPerYear;
        ourPlacesPerYear = loaded.ourPlacesPerYear;
        requiredDocuments = loaded.requiredDocuments;
        processingDays = loaded.processingDays;
        stayMonths = loaded.stayMonths;
        notFitting = loaded.notFitting;
        source = loaded.source;
        checkedOn = loaded.checkedOn;
        active = true;
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\\|"));
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public Kind getKind() { return kind; }
    public List<String> getDestinations() { return split(destinations); }
    public List<String> getReferredThrough() { return split(referredThrough); }
    public List<ChecklistItem> getChecklist() { return split(checklist).stream().map(ChecklistItem::valueOf).toList(); }
    public Integer getPlacesPerYear() { return placesPerYear; }
    public Integer getOurPlacesPerYear() { return ourPlacesPerYear; }
    public List<String> getRequiredDocuments() { return split(requiredDocuments); }
    public int getProcessingDays() { return processingDays; }
    public Integer getStayMonths() { return stayMonths; }
    public String getNotFitting() { return notFitting; }
    public String getSource() { return source; }
    public LocalDate getCheckedOn() { return checkedOn; }
    public boolean isActive() { return active; }
}
