package org.continuum.protection.control;

import org.continuum.casefile.entity.RelocationScope;
import org.continuum.protection.entity.EvidenceKind;
import org.continuum.protection.entity.ProtectionMeasure;
import org.continuum.protection.entity.StepEvidence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The last-resort rule (DOMAIN.md, step 6): relocation may only be proposed when every lower continuum step has
 * evidence, either tried (a measure of that step in the plan actually went ahead) or judged not feasible, each with
 * a reason. Returns the problems as message keys with the step, empty when the proposal may go on. Used by the
 * boundary before a proposal is stored and by the process's gate before a coordinator sees it.
 */
public final class LastResortRule {

    public static final int MIN_REASON_LENGTH = 10;

    private LastResortRule() {
    }

    public static List<String> problems(RelocationScope scope, Collection<StepEvidence> evidence,
                                        Collection<ProtectionMeasure> plan) {
        List<String> problems = new ArrayList<>();
        if (scope == null) {
            problems.add("escalation.scope.required");
            return problems;
        }
        for (int step = 1; step < scope.continuumStep(); step++) {
            int current = step;
            StepEvidence found = evidence == null ? null
                    : evidence.stream().filter(e -> e.getContinuumStep() == current).findFirst().orElse(null);
            if (found == null || found.getKind() == null) {
                problems.add("escalation.evidence.missing:" + step);
            } else if (found.getReason() == null || found.getReason().strip().length() < MIN_REASON_LENGTH) {
                problems.add("escalation.evidence.reason:" + step);
            } else if (found.getKind() == EvidenceKind.TRIED && plan.stream().noneMatch(
                    m -> m.getType().getContinuumStep() == current && m.getStatus().isTried())) {
                problems.add("escalation.evidence.notTried:" + step);
            }
        }
        return problems;
    }
}
