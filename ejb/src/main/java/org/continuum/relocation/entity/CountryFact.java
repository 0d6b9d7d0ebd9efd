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
import java.util.Objects;

/** One fact about a country's situation, with the public source it comes from and the date it was checked. */
@Entity
@Table(name = "country_fact")
public class CountryFact {

    /** What the fact is about. */
    public enum Topic { LGBTQIA_LAW, DEFENDERS, EXIT, OTHER }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 2)
    private String country;

    @Column(nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private Topic topic;

    @Column(nullable = false, length = 1000)
    private String fact;

    @Column(nullable = false, length = 500)
    private String source;

    @Column(name = "checked_on", nullable = false)
    private LocalDate checkedOn;

    protected CountryFact() {
    }

    public CountryFact(String country, int position, Topic topic, String fact, String source, LocalDate checkedOn) {
        this.country = Objects.requireNonNull(country);
        this.position = position;
        this.topic = Objects.requireNonNull(topic);
        this.fact = Objects.requireNonNull(fact);
        this.source = Objects.requireNonNull(source);
        this.checkedOn = Objects.requireNonNull(checkedOn);
    }

    public String getCountry() { return country; }
    public int getPosition() { return position; }
    public Topic getTopic() { return topic; }
    public String getFact() { return fact; }
    public String getSource() { return source; }
    public LocalDate getCheckedOn() { return checkedOn; }

    /** The line as the digest sees it. */
    public String digestLine() {
        return topic + "\u001f" + fact + "\u001f" + source + "\u001f" + checkedOn;
    }
}
