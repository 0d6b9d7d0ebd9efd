package org.continuum.retention.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import org.continuum.casefile.control.CaseFiles;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.casefile.entity.Outcome;
import org.continuum.casefile.entity.Phase;
import org.continuum.identity.entity.UserAccount;
import org.continuum.retention.entity.CaseRetention;
import org.continuum.retention.entity.Erasure;
import org.continuum.retention.entity.RetentionRule;
import org.continuum.retention.entity.RetentionRuleChange;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * When each closed case file and each unregistered draft is due to go, under the retention rules kept as data:
 * the rule that applies, the due date (moved once by an extension), the legal hold that stops it, and the grace
 * period that keeps a case file which received new information lately.
 */
@ApplicationScoped
public class Retention {

    /** Outcomes of a case file that was never taken on: the shorter rule applies. */
    static final Set<Outcome> NOT_TAKEN_ON = Set.of(Outcome.INELIGIBLE, Outcome.UNVERIFIABLE,
            Outcome.MERGED_DUPLICATE);

    @PersistenceContext
    EntityManager em;

    public Map<RetentionRule.Code, RetentionRule> rules() {
        Map<RetentionRule.Code, RetentionRule> rules = new EnumMap<>(RetentionRule.Code.class);
        em.createQuery("select r from RetentionRule r", RetentionRule.class).getResultList()
                .forEach(r -> rules.put(r.getCode(), r));
        return rules;
    }

    public static RetentionRule.Code ruleFor(Outcome outcome) {
        return NOT_TAKEN_ON.contains(outcome) ? RetentionRule.Code.CASE_NOT_TAKEN_ON : RetentionRule.Code.CASE_CLOSED;
    }

    /** A closed case file's standing under the rules. */
    public record Standing(long caseFileId, String reference, RetentionRule.Code rule, Instant closedAt, Instant due,
                           boolean extended, boolean onHold, Instant lastInformation) {

        /** Due, not held, and quiet for the whole grace period. */
        public boolean erasableAt(Instant now, RetentionRule r) {
            return !onHold && !due.isAfter(now) && !lastInformation.isAfter(now.minus(r.grace()));
        }

        /** Due, not held, but new information came within the grace period. */
        public boolean keptByGrace(Instant now, RetentionRule r) {
            return !onHold && !due.isAfter(now) && lastInformation.isAfter(now.minus(r.grace()));
        }
    }

    /** The retention facts of one case file; empty while it is open or once it is erased. */
    public Optional<Standing> standing(CaseFile c) {
        if (c.getPhase() != Phase.CLOSED || c.isErased() || c.getClosedAt() == null) {
            return Optional.empty();
        }
        Map<RetentionRule.Code, RetentionRule> rules = rules();
        CaseRetention kept = em.find(CaseRetention.class, c.getId());
        return Optional.of(standing(c.getId(), c.getReference(), c.getClosureOutcome(), c.getClosedAt(),
                c.getUpdatedAt(), kept, rules, lastInformation(List.of(c.getId()))));
    }

    /**
     * Closed, unerased case files, those the reader may open when {@code reader} is given (else all, for the job),
     * at most {@code max}, oldest closure first.
     */
    public List<Standing> closed(UserAccount reader, int max) {
        return closed(reader, max, null);
    }

    /**
     * The same, only those whose due date can fall before {@code dueBefore}: the database leaves out every case file
     * closed too recently for the shortest rule (a due date is never earlier than closure plus its rule's time).
     */
    public List<Standing> closed(UserAccount reader, int max, Instant dueBefore) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object[]> query = cb.createQuery(Object[].class);
        Root<CaseFile> c = query.from(CaseFile.class);
        List<jakarta.persistence.criteria.Predicate> where = new ArrayList<>(List.of(
                cb.equal(c.get("phase"), Phase.CLOSED), cb.isNull(c.get("erasedAt")),
                cb.isNotNull(c.get("closure").get("closedAt"))));
        if (reader != null) {
            where.add(CaseFiles.visibleTo(cb, c, reader));
        }
        if (dueBefore != null) {
            Duration shortest = rules().entrySet().stream()
                    .filter(r -> r.getKey() != RetentionRule.Code.DRAFT_NOT_REGISTERED)
                    .map(r -> r.getValue().keep()).min(Duration::compareTo).orElse(Duration.ZERO);
            where.add(cb.lessThan(c.get("closure").get("closedAt"), dueBefore.minus(shortest)));
        }
        query.multiselect(c.get("id"), c.get("reference"), c.get("closure").get("outcome"),
                        c.get("closure").get("closedAt"), c.get("updatedAt"))
                .where(where.toArray(jakarta.persistence.criteria.Predicate[]::new))
                .orderBy(cb.asc(c.get("closure").get("closedAt")), cb.asc(c.get("id")));
        List<Object[]> rows = em.createQuery(query).setMaxResults(max).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(r -> (Long) r[0]).toList();
        Map<Long, CaseRetention> kept = new HashMap<>();
        Map<Long, Instant> last = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> slice = ids.subList(from, Math.min(ids.size(), from + 500));
            em.createQuery("select r from CaseRetention r where r.caseFileId in :ids", CaseRetention.class)
                    .setParameter("ids", slice).getResultList().forEach(r -> kept.put(r.getCaseFileId(), r));
            last.putAll(lastInformation(slice));
        }
        Map<RetentionRule.Code, RetentionRule> rules = rules();
        return rows.stream().map(r -> standing((Long) r[0], (String) r[1], (Outcome) r[2], (Instant) r[3],
                (Instant) r[4], kept.get((Long) r[0]), rules, last)).toList();
    }

    private static Standing standing(long id, String reference, Outcome outcome, Instant closedAt, Instant updatedAt,
                                     CaseRetention kept, Map<RetentionRule.Code, RetentionRule> rules,
                                     Map<Long, Instant> lastEvents) {
        RetentionRule.Code code = ruleFor(outcome);
        RetentionRule rule = rules.get(code);
        Instant due = closedAt.plus(rule.keep());
        boolean extended = kept != null && kept.getExtendedUntil() != null;
        if (extended) {
            due = kept.getExtendedUntil();
        }
        Instant last = updatedAt;
        Instant event = lastEvents.get(id);
        if (event != null && event.isAfter(last)) {
            last = event;
        }
        return new Standing(id, reference, code, closedAt, due, extended, kept != null && kept.onHold(), last);
    }

    /** The latest timeline entry or requester's message of each case file. */
    private Map<Long, Instant> lastInformation(List<Long> ids) {
        Map<Long, Instant> last = new HashMap<>();
        em.createQuery("select e.caseFileId, max(e.occurredAt) from CaseEvent e where e.caseFileId in :ids"
                        + " group by e.caseFileId", Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(r -> last.merge((Long) r[0], (Instant) r[1], (a, b) -> a.isAfter(b) ? a : b));
        em.createQuery("select m.caseFileId, max(r.sentAt) from RequestMessage r, MailIntake m"
                        + " where r.requestId = m.id and m.caseFileId in :ids group by m.caseFileId", Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(r -> last.merge((Long) r[0], (Instant) r[1], (a, b) -> a.isAfter(b) ? a : b));
        return last;
    }

    /** Drafts never registered whose time has come: ids, oldest first, at most {@code max}. */
    public List<Long> draftsDue(Instant now, int max) {
        RetentionRule rule = rules().get(RetentionRule.Code.DRAFT_NOT_REGISTERED);
        return em.createQuery("select m.id from MailIntake m where m.caseFileId is null and m.receivedAt <= :cutoff"
                        + " order by m.receivedAt, m.id", Long.class)
                .setParameter("cutoff", now.minus(rule.keep())).setMaxResults(max).getResultList();
    }

    /** The case file's retention row, made on first need, locked for the change. */
    public CaseRetention lockedFor(long caseFileId) {
        CaseRetention kept = em.find(CaseRetention.class, caseFileId, LockModeType.PESSIMISTIC_WRITE);
        if (kept == null) {
            kept = new CaseRetention(caseFileId);
            em.persist(kept);
        }
        return kept;
    }

    public Optional<CaseRetention> of(long caseFileId) {
        return Optional.ofNullable(em.find(CaseRetention.class, caseFileId));
    }

    public Optional<Erasure> pendingFor(long caseFileId) {
        return em.createQuery("select e from Erasure e where e.caseFileId = :c and e.state = :s", Erasure.class)
                .setParameter("c", caseFileId).setParameter("s", Erasure.State.REQUESTED).getResultStream()
                .findFirst();
    }

    public Optional<Erasure> erasure(long id) {
        return Optional.ofNullable(em.find(Erasure.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The erasure register, newest first: what went, when, under which rule or whose request. */
    public List<Erasure> register(int max) {
        return em.createQuery("select e from Erasure e order by e.requestedAt desc, e.id desc", Erasure.class)
                .setMaxResults(max).getResultList();
    }

    /** Requests waiting for a second coordinator, on case files the reader may open. */
    public List<Erasure> waiting(UserAccount reader) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Erasure> query = cb.createQuery(Erasure.class);
        Root<Erasure> e = query.from(Erasure.class);
        Root<CaseFile> c = query.from(CaseFile.class);
        query.select(e).where(cb.equal(c.get("id"), e.get("caseFileId")),
                        cb.equal(e.get("state"), Erasure.State.REQUESTED), CaseFiles.visibleTo(cb, c, reader))
                .orderBy(cb.asc(e.get("requestedAt")));
        return em.createQuery(query).getResultList();
    }

    /** Registers an erasure; its id is known on return. */
    public void add(Erasure erasure) {
        em.persist(erasure);
        em.flush();
    }

    /** The case file, read again under its row lock (a hold or a decision made meanwhile is seen). */
    public CaseFile lockedCase(long caseFileId) {
        em.flush();
        CaseFile c = em.find(CaseFile.class, caseFileId);
        if (c != null) {
            em.refresh(c, LockModeType.PESSIMISTIC_WRITE);
        }
        return c;
    }

    /** The rule, locked for a change. */
    public RetentionRule ruleLocked(RetentionRule.Code code) {
        return em.find(RetentionRule.class, code, LockModeType.PESSIMISTIC_WRITE);
    }

    public void propose(RetentionRuleChange change) {
        em.persist(change);
        em.flush();
    }

    public Optional<RetentionRuleChange> change(long id) {
        return Optional.ofNullable(em.find(RetentionRuleChange.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Changes waiting for a second administrator, oldest first. */
    public List<RetentionRuleChange> proposedChanges() {
        return em.createQuery("select c from RetentionRuleChange c where c.state = :s order by c.proposedAt, c.id",
                RetentionRuleChange.class).setParameter("s", RetentionRuleChange.State.PROPOSED).getResultList();
    }
}
