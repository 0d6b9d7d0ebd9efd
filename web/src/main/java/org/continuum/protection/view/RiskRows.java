package org.continuum.protection.view;

import org.continuum.protection.entity.FactorKind;
import org.continuum.protection.entity.RiskFactor;
import org.continuum.protection.entity.ThreatCategory;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The threats, vulnerabilities and capacities a mentor types on an assessment task: a few empty rows of each kind
 * (more when a reassessment starts from a longer previous assessment). Empty rows are ignored.
 */
public class RiskRows implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int THREAT_ROWS = 5;
    static final int OTHER_ROWS = 4;

    private final List<Row> threats = new ArrayList<>();
    private final List<Row> vulnerabilities = new ArrayList<>();
    private final List<Row> capacities = new ArrayList<>();
    private String overrideReason;

    public RiskRows() {
        fill(threats, FactorKind.THREAT, THREAT_ROWS);
        fill(vulnerabilities, FactorKind.VULNERABILITY, OTHER_ROWS);
        fill(capacities, FactorKind.CAPACITY, OTHER_ROWS);
    }

    private static void fill(List<Row> rows, FactorKind kind, int count) {
        while (rows.size() < count) {
            rows.add(new Row(kind));
        }
    }

    /** Starts from a previous assessment: its factors fill the first rows, empty rows follow. */
    public void prefill(List<RiskFactor.Factor> factors) {
        threats.clear();
        vulnerabilities.clear();
        capacities.clear();
        for (RiskFactor.Factor f : factors) {
            Row row = Row.of(f);
            switch (f.kind()) {
                case THREAT -> threats.add(row);
                case VULNERABILITY -> vulnerabilities.add(row);
                case CAPACITY -> capacities.add(row);
            }
        }
        fill(threats, FactorKind.THREAT, threats.size() + 2);
        fill(threats, FactorKind.THREAT, THREAT_ROWS);
        fill(vulnerabilities, FactorKind.VULNERABILITY, vulnerabilities.size() + 1);
        fill(vulnerabilities, FactorKind.VULNERABILITY, OTHER_ROWS);
        fill(capacities, FactorKind.CAPACITY, capacities.size() + 1);
        fill(capacities, FactorKind.CAPACITY, OTHER_ROWS);
    }

    /**
     * Puts a threat's description into the first empty threat row (one more row when all are used), as a legal
     * threat; its likelihood and impact stay for the mentor to rate, so nothing changes the level by itself.
     * Refused (false) when the same description is already there.
     */
    public boolean addThreat(String description) {
        if (description == null || description.isBlank()
                || threats.stream().anyMatch(r -> description.equals(r.description))) {
            return false;
        }
        Row row = threats.stream().filter(r -> !r.isTyped()).findFirst().orElseGet(() -> {
            Row added = new Row(FactorKind.THREAT);
            threats.add(added);
            return added;
        });
        row.description = description;
        row.category = ThreatCategory.LEGAL;
        return true;
    }

    /** The rows somebody typed into, in order: threats, vulnerabilities, capacities. */
    public List<RiskFactor.Factor> given() {
        List<RiskFactor.Factor> factors = new ArrayList<>();
        for (List<Row> rows : List.of(threats, vulnerabilities, capacities)) {
            rows.stream().filter(Row::isTyped).map(Row::factor).forEach(factors::add);
        }
        return factors;
    }

    public List<Row> getThreats() {
        return threats;
    }

    public List<Row> getVulnerabilities() {
        return vulnerabilities;
    }

    public List<Row> getCapacities() {
        return capacities;
    }

    public String getOverrideReason() {
        return overrideReason;
    }

    public void setOverrideReason(String overrideReason) {
        this.overrideReason = overrideReason;
    }

    /** One row of the form. */
    public static class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final FactorKind kind;
        private ThreatCategory category;
        private String actor;
        private String description;
        private LocalDate lastIncidentOn;
        private Integer likelihood;
        private Integer impact;
        private Integer weight;
        private boolean concernsGroup;

        Row(FactorKind kind) {
            this.kind = kind;
        }

        static Row of(RiskFactor.Factor f) {
            Row row = new Row(f.kind());
            row.category = f.threatCategory();
            row.actor = f.actor();
            row.description = f.description();
            row.lastIncidentOn = f.lastIncidentOn();
            row.likelihood = f.likelihood();
            row.impact = f.impact();
            row.weight = f.weight();
            row.concernsGroup = f.concernsGroup();
            return row;
        }

        boolean isTyped() {
            return description != null && !description.isBlank() || actor != null && !actor.isBlank()
                    || category != null || likelihood != null || impact != null || weight != null;
        }

        RiskFactor.Factor factor() {
            return new RiskFactor.Factor(kind, category, blankToNull(actor), blankToNull(description),
                    lastIncidentOn, likelihood, impact, weight, concernsGroup);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }

        public FactorKind getKind() {
            return kind;
        }

        public ThreatCategory getCategory() {
            return category;
        }

        public void setCategory(ThreatCategory category) {
            this.category = category;
        }

        public String getActor() {
            return actor;
        }

        public void setActor(String actor) {
            this.actor = actor;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public LocalDate getLastIncidentOn() {
            return lastIncidentOn;
        }

        public void setLastIncidentOn(LocalDate lastIncidentOn) {
            this.lastIncidentOn = lastIncidentOn;
        }

        public Integer getLikelihood() {
            return likelihood;
        }

        public void setLikelihood(Integer likelihood) {
            this.likelihood = likelihood;
        }

        public Integer getImpact() {
            return impact;
        }

        public void setImpact(Integer impact) {
            this.impact = impact;
        }

        public Integer getWeight() {
            return weight;
        }

        public void setWeight(Integer weight) {
            this.weight = weight;
        }

        public boolean isConcernsGroup() {
            return concernsGroup;
        }

        public void setConcernsGroup(boolean concernsGroup) {
            this.concernsGroup = concernsGroup;
        }
    }
}
