package org.continuum.protection.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.continuum.security.control.Encrypted;

import java.time.LocalDate;

/**
 * One threat, vulnerability or capacity. A threat has an actor, a category, the date of its last incident and a
 * likelihood and impact (1–5); a vulnerability or capacity has a weight (1–5). Actor and description are sealed.
 */
@Embeddable
public class RiskFactor {

    @Column(nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private FactorKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "threat_category", length = 20)
    private ThreatCategory threatCategory;

    @Convert(converter = Encrypted.class)
    @Column(name = "actor_enc", length = 2048)
    private String actor;

    @Convert(converter = Encrypted.class)
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

    public RiskFactor(int position, Factor factor) {
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
                         boolean concernsGroup) {

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
}
