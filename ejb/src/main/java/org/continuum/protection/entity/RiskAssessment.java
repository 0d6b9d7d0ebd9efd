package org.continuum.protection.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.continuum.casefile.entity.RiskLevel;
import org.continuum.platform.control.RowIdSequences;
import org.continuum.security.control.Sealed;
import org.continuum.security.control.SealedRecord;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One assessment of a case's risk, kept forever: the factors, the score and level the formula gave, the level the
 * mentor chose and, when they differ, the mentor's reason (the database refuses a difference without one).
 */
@Entity
@Table(name = "risk_assessment")
public class RiskAssessment implements SealedRecord {

    /** Why the risk was assessed. */
    public enum Occasion {
        INITIAL,
        REASSESSMENT,
        IN_EXILE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "risk_assessment_ids")
    @SequenceGenerator(name = "risk_assessment_ids", sequenceName = "risk_assessment_ids", allocationSize = RowIdSequences.ALLOCATION)
    private Long id;

    @Column(name = "casefile_id", nullable = false, updatable = false)
    private long caseFileId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30, updatable = false)
    private Occasion occasion;

    @Column(name = "assessed_at", nullable = false, updatable = false)
    private Instant assessedAt;

    @Column(name = "assessed_by", nullable = false, length = 80, updatable = false)
    private String assessedBy;

    @Column(precision = 8, scale = 2, updatable = false)
    private BigDecimal score;

    @Enumerated(EnumType.STRING)
    @Column(name = "computed_level", length = 10, updatable = false)
    private RiskLevel computedLevel;

    @Enumerated(EnumType.STRING)
    @Column(name = "chosen_level", nullable = false, length = 10, updatable = false)
    private RiskLevel chosenLevel;

    @Sealed
    @Column(name = "override_reason_enc", length = 8192, updatable = false)
    private String overrideReason;

    @OneToMany(mappedBy = "assessment", cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
    @OrderBy("position")
    private List<RiskFactor> factors = new ArrayList<>();

    protected RiskAssessment() {
    }

    public RiskAssessment(long caseFileId, Occasion occasion, String assessedBy, Instant assessedAt,
                          List<RiskFactor.Factor> factors, BigDecimal score, RiskLevel computedLevel,
                          RiskLevel chosenLevel, String overrideReason) {
        this.caseFileId = caseFileId;
        this.occasion = occasion;
        this.assessedBy = assessedBy;
        this.assessedAt = assessedAt;
        for (int i = 0; i < factors.size(); i++) {
            this.factors.add(new RiskFactor(this, i + 1, factors.get(i)));
        }
        this.score = score;
        this.computedLevel = computedLevel;
        this.chosenLevel = chosenLevel;
        this.overrideReason = overrideReason;
    }

    public Long getId() {
        return id;
    }

    public long getCaseFileId() {
        return caseFileId;
    }

    public Occasion getOccasion() {
        return occasion;
    }

    public Instant getAssessedAt() {
        return assessedAt;
    }

    public String getAssessedBy() {
        return assessedBy;
    }

    public BigDecimal getScore() {
        return score;
    }

    public RiskLevel getComputedLevel() {
        return computedLevel;
    }

    public RiskLevel getChosenLevel() {
        return chosenLevel;
    }

    public String getOverrideReason() {
        return overrideReason;
    }

    public List<RiskFactor.Factor> factors() {
        return factors.stream().map(RiskFactor::value).toList();
    }

    @Override
    public String sealingScope() {
        return SealedRecord.caseFile(caseFileId);
    }
}
