package org.continuum.seed.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.continuum.casefile.control.CaseWorkflow;
import org.continuum.casefile.control.CaseWorkflow.WaitState;
import org.continuum.casefile.control.Timeline;
import org.continuum.casefile.entity.CaseEvent;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.casefile.entity.Phase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * After a generation: every case file opens (its sealed identity and timeline decrypt), every process sits at a wait
 * state of its case's phase (none for a closed case), and the engine has no incident. Pages of case files, one
 * transaction each, so the check runs on 100,000 case files too.
 */
@ApplicationScoped
public class GeneratedCheck {

    private static final int PAGE = 500;
    private static final int EXAMPLES = 5;

    @PersistenceContext
    EntityManager em;

    @Inject
    CaseWorkflow workflow;

    @Inject
    Timeline timeline;

    @Inject
    GeneratedCheck self;

    /** The figures of a check; {@code problems} names the first few case files that failed it. */
    public record Result(long opened, long atExpectedWaitState, long closedWithoutProcess, long erased,
                         long mismatches, long incidents, List<String> problems) {

        public boolean passed() {
            return mismatches == 0 && incidents == 0;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%,d case files opened, %,d processes at the wait state of"
                            + " their phase, %,d closed with no running process (%,d of them erased by the retention"
                            + " rules, opened as their skeleton), %d mismatches, %d incidents%s",
                    opened, atExpectedWaitState, closedWithoutProcess, erased, mismatches, incidents,
                    problems.isEmpty() ? "" : " " + problems);
        }
    }

    public record Page(long lastId, long opened, long waiting, long closed, long erased, long mismatches,
                       List<String> problems) {
    }

    /** Checks the case files after {@code afterId} (0: all of them). */
    public Result run(long afterId) {
        long after = afterId;
        long opened = 0;
        long waiting = 0;
        long closed = 0;
        long erased = 0;
        long mismatches = 0;
        List<String> problems = new ArrayList<>();
        while (true) {
            Page page = self.page(after);
            if (page.opened() == 0) {
                break;
            }
            after = page.lastId();
            opened += page.opened();
            waiting += page.waiting();
            closed += page.closed();
            erased += page.erased();
            mismatches += page.mismatches();
            page.problems().stream().limit(EXAMPLES - problems.size()).forEach(problems::add);
        }
        return new Result(opened, waiting, closed, erased, mismatches, workflow.incidents(), List.copyOf(problems));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Page page(long afterId) {
        List<CaseFile> files = em.createQuery("select c from CaseFile c where c.id > :after order by c.id",
                CaseFile.class).setParameter("after", afterId).setMaxResults(PAGE).getResultList();
        long waiting = 0;
        long closed = 0;
        long erased = 0;
        long mismatches = 0;
        long last = afterId;
        List<String> problems = new ArrayList<>();
        for (CaseFile file : files) {
            last = file.getId();
            boolean isErased = file.isErased();
            String problem = problem(file);
            if (problem != null && !isErased && erasedSinceRead(file.getId())) {
                // The retention pass erased it between the read of its row and the read of its data key (each
                // statement sees what was committed when it ran): checked as the erased case file it now is.
                isErased = true;
                problem = problemOfErased(file);
            }
            if (problem != null) {
                mismatches++;
                if (problems.size() < EXAMPLES) {
                    problems.add(file.getReference() + ": " + problem);
                }
            } else if (file.getPhase() == Phase.CLOSED) {
                closed++;
                if (isErased) {
                    erased++;
                }
            } else {
                waiting++;
            }
        }
        em.clear();
        return new Page(last, files.size(), waiting, closed, erased, mismatches, problems);
    }

    private boolean erasedSinceRead(long caseFileId) {
        // No flush before it: the check only reads (its page is cleared, never written).
        return em.createQuery("select c.erasedAt from CaseFile c where c.id = :id", Instant.class)
                .setParameter("id", caseFileId).setFlushMode(jakarta.persistence.FlushModeType.COMMIT)
                .getResultStream().anyMatch(java.util.Objects::nonNull);
    }

    /**
     * The retention rules erased it (the generator backdates closed case files): its sealed fields read empty and its
     * data key is gone; it must be closed, its process ended.
     */
    private String problemOfErased(CaseFile file) {
        return file.getPhase() == Phase.CLOSED && workflow.waitStatesOf(file.getProcessInstanceId()).isEmpty()
                ? null : "erased but not closed, or its process still waits";
    }

    private String problem(CaseFile file) {
        if (file.isErased()) {
            return problemOfErased(file);
        }
        if (file.getLegalName() == null || file.getLegalName().isBlank()) {
            return "legal name does not open";
        }
        List<CaseEvent> events = timeline.of(file.getId());
        if (events.isEmpty() || events.stream().anyMatch(e -> e.getSummary() == null)) {
            return "timeline missing or sealed summary does not open";
        }
        Set<WaitState> states = workflow.waitStatesOf(file.getProcessInstanceId());
        if (file.getPhase() == Phase.CLOSED) {
            return states.isEmpty() ? null : "closed but its process waits at " + states;
        }
        if (states.isEmpty()) {
            return "phase " + file.getPhase() + " but no process waits";
        }
        return states.stream().allMatch(s -> s.phase() == file.getPhase()) ? null
                : "phase " + file.getPhase() + " but its process waits at " + states;
    }
}
