package org.continuum.safeplace.entity;

import jakarta.persistence.Column;
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
import org.continuum.platform.control.RowIdSequences;
import org.continuum.reference.entity.Partner;
import org.continuum.security.control.Sealed;
import org.continuum.security.control.SealedRecord;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * A place that pledged to welcome a person in danger and shelter them until help arrives. The area (city or
 * district) is what staff search by; the exact address and the contact are sealed, because a list of shelters with
 * their addresses is what an attacker would look for first.
 */
@Entity
@Table(name = "safe_place")
public class SafePlace implements SealedRecord {

    public static final int MAX_CAPACITY = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "safe_place_ids")
    @SequenceGenerator(name = "safe_place_ids", sequenceName = "safe_place_ids", allocationSize = RowIdSequences.ALLOCATION)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private SafePlaceKind kind;

    @Column(nullable = false, length = 2)
    private String country;

    @Column(nullable = false, length = 200)
    private String area;

    @Column(name = "area_key", nullable = false, length = 200)
    private String areaKey;

    @Sealed
    @Column(name = "address_enc", nullable = false, length = 4096)
    private String address;

    @Sealed
    @Column(name = "contact_enc", length = 2048)
    private String contact;

    @Column(name = "opening_hours", length = 300)
    private String openingHours;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Vetting vetting;

    @Column(name = "vetted_on")
    private LocalDate vettedOn;

    @Column(nullable = false)
    private boolean affirming;

    @Column(nullable = false)
    private int capacity;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "network_partner_id")
    private Partner network;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 80)
    private String updatedBy;

    @Version
    private long version;

    protected SafePlace() {
    }

    public SafePlace(Details details, String by, Instant at) {
        update(details, by, at);
    }

    /** The facts an administrator keeps; every problem at once would need a form, so the first refusal is thrown. */
    public record Details(String name, SafePlaceKind kind, String country, String area, String address,
                          String contact, String openingHours, Vetting vetting, LocalDate vettedOn, boolean affirming,
                          int capacity, Partner network, boolean active) {
        @Override
        public String toString() {
            return "SafePlace.Details[" + kind + "," + country + "]";
        }
    }

    public final void update(Details d, String by, Instant at) {
        Objects.requireNonNull(d);
        this.name = required(d.name(), "safePlace.name.required", 200);
        this.kind = Objects.requireNonNull(d.kind(), "safePlace.kind.required");
        if (d.country() == null || !d.country().matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("safePlace.country.required");
        }
        this.country = d.country();
        this.area = required(d.area(), "safePlace.area.required", 200);
        this.areaKey = key(area);
        this.address = required(d.address(), "safePlace.address.required", 1000);
        this.contact = d.contact() == null || d.contact().isBlank() ? null : d.contact().strip();
        this.openingHours = d.openingHours() == null || d.openingHours().isBlank() ? null
                : required(d.openingHours(), "safePlace.hours.tooLong", 300);
        this.vetting = Objects.requireNonNull(d.vetting(), "safePlace.vetting.required");
        if (vetting == Vetting.VETTED && d.vettedOn() == null) {
            throw new IllegalArgumentException("safePlace.vettedOn.required");
        }
        this.vettedOn = d.vettedOn();
        this.affirming = d.affirming();
        if (d.capacity() < 0 || d.capacity() > MAX_CAPACITY) {
            throw new IllegalArgumentException("safePlace.capacity.range");
        }
        this.capacity = d.capacity();
        this.network = d.network();
        this.active = d.active();
        this.updatedBy = Objects.requireNonNull(by);
        this.updatedAt = Objects.requireNonNull(at);
    }

    /** Whether staff may be offered this place for a case now. */
    public boolean isOffered() {
        return active && vetting == Vetting.VETTED;
    }

    /** The search form of an area: NFKC, case-folded, single spaces, so "Lyon 1er" finds "LYON  1ER". */
    public static String key(String area) {
        if (area == null) {
            return "";
        }
        return Normalizer.normalize(area, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip()
                .replaceAll("\\s+", " ");
    }

    private static String required(String value, String key, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key);
        }
        if (value.strip().length() > max) {
            throw new IllegalArgumentException(key.replace(".required", ".tooLong"));
        }
        return value.strip();
    }

    public Details details() {
        return new Details(name, kind, country, area, address, contact, openingHours, vetting, vettedOn, affirming,
                capacity, network, active);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public SafePlaceKind getKind() {
        return kind;
    }

    public String getCountry() {
        return country;
    }

    public String getArea() {
        return area;
    }

    public String getAreaKey() {
        return areaKey;
    }

    public String getAddress() {
        return address;
    }

    public String getContact() {
        return contact;
    }

    public String getOpeningHours() {
        return openingHours;
    }

    public Vetting getVetting() {
        return vetting;
    }

    public LocalDate getVettedOn() {
        return vettedOn;
    }

    public boolean isAffirming() {
        return affirming;
    }

    public int getCapacity() {
        return capacity;
    }

    public Partner getNetwork() {
        return network;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    @Override
    public String sealingScope() {
        return GENERAL;
    }
}
