package org.continuum.reference.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;
import java.util.Objects;

/**
 * An organisation a case file may be referred to. Services, languages and contact channels are short codes kept
 * as separated lists; the limits a partner states (for example "no immigration advice") are kept verbatim so
 * caseworkers see them before referring.
 */
@Entity
@Table(name = "partner")
public class Partner {

    public enum Kind { INTERGOVERNMENTAL, HUMAN_RIGHTS_NGO, LGBTQIA_ORGANISATION, ONLINE_SUPPORT, SAFE_PLACE_NETWORK }

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

    protected Partner() {
    }

    public Partner(String code, String name, Kind kind, List<String> services, List<String> languages,
                   List<String> contactChannels, String statedLimits, String website) {
        this.code = Objects.requireNonNull(code);
        this.name = Objects.requireNonNull(name);
        this.kind = Objects.requireNonNull(kind);
        update(name, kind, services, languages, contactChannels, statedLimits, website);
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
