package org.continuum.protection.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.continuum.security.control.Sealed;
import org.continuum.security.control.SealedRecord;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One threat, vulnerability or capacity. A threat has an actor, a category, the date of its last incident and a
 * likelihood and impact (1–5); a vulnerability or capacity has a weight (1–5). Actor and description are sealed.
 * A row of its own, named by its assessment and its position, written once with the assessment.
 */
@Entity
@Table(name = "risk_factor")
@IdClass(RiskFactor.Key.class)
public class RiskFactor implements SealedRecord {

    /** The factor's name: its assessment's id and its position in it. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private Long assessment;
        private int position;

        public Key() {
        }

        public Key(Long assessment, int position) {
            this.assessment = assessment;
            this.position = position;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(assessment, other.assessment)
                    && position == other.position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(assessment, position);
        }

        @Override
        public String toString() {
            return assessment + "/" + position;
        }
    }

    @Id
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assessment_id", nullable = false, updatable = false)
    private RiskAssessment assessment;

    @Id
    @Column(nullable = false, updatable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private FactorKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "threat_category", length = 20)
    private ThreatCategory threatCategory;

    @Sealed
    @Column(name = "actor_enc", length = 2048)
    private String actor;

    @Sealed
    @Column(name = "description_enc", nullable = false, length = 8192)
    private String description;

    @Column(name = "last_incident_on")
    private LocalDate lastIncidentOn;

    private Integer likelihood;

    private Integer impact;

    private Integer weight;

    @Column(name = "concerns_group", nullable = false)
    private boolean concernsGroup;

    protected RiskFactor() {
    }

    RiskFactor(RiskAssessment assessment, int position, Factor factor) {
        this.assessment = assessment;
        this.position = position;
        this.kind = factor.kind();
        this.threatCategory = factor.threatCategory();
        this.actor = factor.actor();
        this.description = factor.description();
        this.lastIncidentOn = factor.lastIncidentOn();
        this.likelihood = factor.likelihood();
        this.impact = factor.impact();
        this.weight = factor.weight();
        this.concernsGroup = factor.concernsGroup();
    }

    static final int LABEL_TEXT = 60;

    /** The factor as a value, the way forms and the formula see it. */
    public record Factor(FactorKind kind, ThreatCategory threatCategory, String actor, String description,
                         LocalDate lastIncidentOn, Integer likelihood, Integer impact, Integer weight,
                         boolean concernsGroup) implements Serializable {

        public static Factor threat(ThreatCategory category, String actor, String description,
                                    LocalDate lastIncidentOn, int likelihood, int impact, boolean concernsGroup) {
            return new Factor(FactorKind.THREAT, category, actor, description, lastIncidentOn, likelihood, impact,
                    null, concernsGroup);
        }

        public static Factor of(FactorKind kind, String description, int weight, boolean concernsGroup) {
            return new Factor(kind, null, null, description, null, null, null, weight, concernsGroup);
        }

        /**
         * How a measure names this factor: kind, category, who and what, e.g. {@code THREAT · PHYSICAL · District
         * police · Followed home}. Long descriptions are cut so the label stays readable in a list.
         */
        public String label() {
            StringBuilder label = new StringBuilder(kind.name());
            if (threatCategory != null) {
                label.append(" · ").append(threatCategory.name());
            }
            if (actor != null && !actor.isBlank()) {
                label.append(" · ").append(actor.strip());
            }
            String what = description == null ? "" : description.strip();
            label.append(" · ").append(what.length() > LABEL_TEXT ? what.substring(0, LABEL_TEXT) + "…" : what);
            return label.toString();
        }

        @Override
        public String toString() {
            return "Factor[" + kind + "," + threatCategory + "]";
        }
    }

    public Factor value() {
        return new Factor(kind, threatCategory, actor, description, lastIncidentOn, likelihood, impact, weight,
                concernsGroup);
    }

    public int getPosition() {
        return position;
    }

    @Override
    public String sealingScope() {
        return SealedRecord.caseFile(assessment.getCaseFileId());
    }
}
