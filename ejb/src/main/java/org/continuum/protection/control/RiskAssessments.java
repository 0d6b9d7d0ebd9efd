package org.continuum.protection.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.continuum.casefile.entity.RiskLevel;
import org.continuum.platform.control.InvalidInput;
import org.continuum.protection.entity.FactorKind;
import org.continuum.protection.entity.RiskAssessment;
import org.continuum.protection.entity.RiskFactor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Records structured assessments (formula, mentor's choice, reason) and compares each with the one before. */
@ApplicationScoped
public class RiskAssessments {

    public static final int MIN_OVERRIDE_REASON = 10;

    @PersistenceContext
    EntityManager em;

    /**
     * Validates the factors, applies the formula and records the assessment. The mentor's level wins; when it
     * differs from the formula's, a reason is required. Without a chosen level the formula's is used. Returns the
     * level the case takes.
     */
    public RiskLevel record(long caseFileId, RiskAssessment.Occasion occasion, String actor, RiskLevel chosen,
                            List<RiskFactor.Factor> factors, String overrideReason, Instant now) {
        List<RiskFactor.Factor> given = factors == null ? List.of() : factors;
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<String> problems = RiskFormula.problems(given, today);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        RiskFormula.Result result = given.isEmpty() ? null : RiskFormula.evaluate(given, today);
        RiskLevel level = chosen != null ? chosen : result == null ? null : result.level();
        if (level == null) {
            throw new InvalidInput("risk.level.required");
        }
        String reason = overrideReason == null || overrideReason.isBlank() ? null : overrideReason.strip();
        boolean overridden = result != null && level != result.level();
        if (overridden && (reason == null || reason.length() < MIN_OVERRIDE_REASON)) {
            throw new InvalidInput("risk.override.reasonRequired:" + result.level() + ":"
                    + result.score().toPlainString());
        }
        em.persist(new RiskAssessment(caseFileId, occasion, actor, now, given,
                result == null ? null : result.score(), result == null ? null : result.level(), level,
                overridden ? reason : null));
        return level;
    }

    /** Every assessment of the case, oldest first. */
    public List<RiskAssessment> history(long caseFileId) {
        return em.createQuery("select a from RiskAssessment a where a.caseFileId = :id order by a.assessedAt, a.id",
                RiskAssessment.class).setParameter("id", caseFileId).getResultList();
    }

    /**
     * What changed from {@code before} to {@code after}, as bundle keys with arguments: level, score, threats added
     * or gone (a threat is its category and actor), vulnerabilities and capacities counted.
     */
    public static List<String> changes(RiskAssessment before, RiskAssessment after) {
        List<String> changes = new ArrayList<>();
        if (before == null) {
            return changes;
        }
        if (before.getChosenLevel() != after.getChosenLevel()) {
            changes.add("risk.change.level:" + before.getChosenLevel() + ":" + after.getChosenLevel());
        }
        if (before.getScore() != null && after.getScore() != null
                && before.getScore().compareTo(after.getScore()) != 0) {
            changes.add("risk.change.score:" + before.getScore().toPlainString() + ":"
                    + after.getScore().toPlainString());
        }
        Set<String> was = threatKeys(before);
        Set<String> is = threatKeys(after);
        is.stream().filter(k -> !was.contains(k)).forEach(k -> changes.add("risk.change.threatAdded:" + k));
        was.stream().filter(k -> !is.contains(k)).forEach(k -> changes.add("risk.change.threatGone:" + k));
        for (FactorKind kind : List.of(FactorKind.VULNERABILITY, FactorKind.CAPACITY)) {
            long b = count(before, kind);
            long a = count(after, kind);
            if (a != b) {
                changes.add("risk.change." + kind.name().toLowerCase(Locale.ROOT) + ":" + b + ":" + a);
            }
        }
        return changes;
    }

    private static Set<String> threatKeys(RiskAssessment a) {
        return a.factors().stream().filter(f -> f.kind() == FactorKind.THREAT)
                .map(f -> f.threatCategory() + (f.actor() == null || f.actor().isBlank() ? ""
                        : " (" + f.actor().strip().toLowerCase(Locale.ROOT).replace(':', ' ') + ")"))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static long count(RiskAssessment a, FactorKind kind) {
        return a.factors().stream().filter(f -> Objects.equals(f.kind(), kind)).count();
    }

    /** The factors of the latest assessment, to start a reassessment from. */
    public List<RiskFactor.Factor> latestFactors(long caseFileId) {
        List<RiskAssessment> all = history(caseFileId);
        return all.isEmpty() ? List.of() : all.get(all.size() - 1).factors();
    }

    /** How measures name the threats and vulnerabilities of the {@code latest} most recent assessments. */
    public List<String> labelsOfLatest(long caseFileId, int latest) {
        List<RiskAssessment> all = history(caseFileId);
        return all.subList(Math.max(0, all.size() - latest), all.size()).stream()
                .flatMap(a -> a.factors().stream())
                .filter(f -> f.kind() != FactorKind.CAPACITY)
                .map(RiskFactor.Factor::label).distinct().toList();
    }
}
