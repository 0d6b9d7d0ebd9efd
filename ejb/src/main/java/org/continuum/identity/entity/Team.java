package org.continuum.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Objects;

/** A team of staff. Need to know is decided per team: caseworkers see the case files of their own team only. */
@Entity
@Table(name = "team")
public class Team {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 40)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "retired_at")
    private java.time.Instant retiredAt;

    protected Team() {
    }

    public Team(String code, String name) {
        if (code == null || !code.matches("[A-Z0-9-]{2,40}")) {
            throw new IllegalArgumentException("team code must be 2-40 upper-case letters, digits or dashes");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("team name is required");
        }
        this.code = code;
        this.name = name.strip();
    }

    public void rename(String newName) {
        if (newName == null || newName.isBlank() || newName.strip().length() > 200) {
            throw new IllegalArgumentException("team.name.invalid");
        }
        this.name = newName.strip();
    }

    /** No new member or case file after this; the team's history stays readable. */
    public void retire(java.time.Instant now) {
        if (retiredAt != null) {
            throw new IllegalStateException("team.retired");
        }
        this.retiredAt = now;
    }

    public boolean isRetired() {
        return retiredAt != null;
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

    @Override
    public boolean equals(Object o) {
        return o instanceof Team other && code.equals(other.code);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code);
    }
}
