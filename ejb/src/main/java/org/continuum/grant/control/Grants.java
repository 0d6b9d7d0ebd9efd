package org.continuum.grant.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.grant.entity.EmergencyGrant;
import org.continuum.grant.entity.Fund;
import org.continuum.grant.entity.FundChange;
import org.continuum.grant.entity.GrantStatus;
import jakarta.inject.Inject;
import org.continuum.platform.control.DatabaseSequences;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Finding, numbering and locking grants and funds. */
@ApplicationScoped
public class Grants {

    static final String SEQUENCE = "grant_number_seq";

    @PersistenceContext
    EntityManager em;

    @Inject
    DatabaseSequences sequences;

    /** A new grant, written at once so that the database's constraints speak before the process starts. */
    public void add(EmergencyGrant grant) {
        em.persist(grant);
        em.flush();
    }

    /** Writes pending changes now, so a refused constraint rolls back before the process moves on. */
    public void flush() {
        em.flush();
    }

    public String nextReference() {
        return String.format("G-%d-%04d", Year.now().getValue(), sequences.next(SEQUENCE));
    }

    /** The references of these case files, in one query. */
    public Map<Long, String> caseReferences(Collection<Long> caseFileIds) {
        Map<Long, String> references = new HashMap<>();
        if (!caseFileIds.isEmpty()) {
            em.createQuery("select c.id, c.reference from CaseFile c where c.id in :ids", Object[].class)
                    .setParameter("ids", caseFileIds).getResultList()
                    .forEach(row -> references.put((Long) row[0], (String) row[1]));
        }
        return references;
    }

    public Optional<EmergencyGrant> find(long grantId) {
        return Optional.ofNullable(em.find(EmergencyGrant.class, grantId));
    }

    /**
     * The grant, row-locked until the transaction ends: concurrent decisions or payments on one grant queue here and
     * each sees the one before it, so the second finds the grant already decided or paid.
     *
     * <p>The lock is a plain {@code select … for update} of the grant's row, then the grant is read (again). Locking
     * through the entity would also lock its fund by a follow-on statement that demands the fund's version read before
     * the wait; on PostgreSQL, a payment on another grant of the same fund makes that a false conflict.
     */
    public Optional<EmergencyGrant> lock(long grantId) {
        if (em.createNativeQuery("select id from grant_request where id = ?1 for update")
                .setParameter(1, grantId).getResultList().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(fresh(em.find(EmergencyGrant.class, grantId)));
    }

    public void addFund(Fund fund) {
        em.persist(fund);
    }

    /**
     * The fund, row-locked and read again, before money is committed or paid on it or its rules change: waiting
     * behind another transaction that changed the fund is the point, so the lock does not demand the version this
     * transaction read first (PostgreSQL re-checks such a condition after the wait).
     */
    public Fund lockFund(Fund fund) {
        em.createNativeQuery("select id from fund where id = ?1 for update").setParameter(1, fund.getId())
                .getResultList();
        return fresh(fund);
    }

    private <T> T fresh(T entity) {
        em.refresh(entity);
        return entity;
    }

    public void addFundChange(FundChange change) {
        em.persist(change);
        em.flush();
    }

    public Optional<FundChange> lockFundChange(long id) {
        if (em.createNativeQuery("select id from fund_change where id = ?1 for update").setParameter(1, id)
                .getResultList().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(fresh(em.find(FundChange.class, id)));
    }

    /** The fund's changes waiting for a second coordinator, oldest first. */
    public List<FundChange> pendingChanges(Fund fund) {
        return em.createQuery("select c from FundChange c where c.fund = :f and c.status = :s order by c.id",
                FundChange.class).setParameter("f", fund).setParameter("s", FundChange.Status.PENDING).getResultList();
    }

    public Optional<Fund> fund(long fundId) {
        return Optional.ofNullable(em.find(Fund.class, fundId));
    }

    public Optional<Fund> fundByCode(String code) {
        return em.createQuery("select f from Fund f where f.code = :code", Fund.class).setParameter("code", code)
                .getResultStream().findFirst();
    }

    public List<Fund> funds() {
        return em.createQuery("select f from Fund f order by f.name", Fund.class).getResultList();
    }

    /** Funds whose period covers {@code day}: the ones a request may name. */
    public List<Fund> openFunds(LocalDate day) {
        return em.createQuery("select f from Fund f where f.periodStart <= :day and f.periodEnd >= :day order by f.name",
                Fund.class).setParameter("day", day).getResultList();
    }

    public List<EmergencyGrant> ofCase(long caseFileId) {
        return em.createQuery("select g from EmergencyGrant g where g.caseFileId = :id order by g.recommendedAt",
                EmergencyGrant.class).setParameter("id", caseFileId).getResultList();
    }

    public List<EmergencyGrant> ofFund(long fundId) {
        return em.createQuery("select g from EmergencyGrant g where g.fund.id = :id order by g.recommendedAt",
                EmergencyGrant.class).setParameter("id", fundId).getResultList();
    }

    /** Grants of the team's case files in the given states, oldest first. */
    public List<EmergencyGrant> ofTeam(String teamCode, Set<GrantStatus> states) {
        // From the grants in those states (a few, by the V28 index) to their case file's team, not from the team's
        // case files to their grants: H2 joined in that order, reading 50,000 case files per coordinator dashboard.
        return em.createQuery("select g from EmergencyGrant g where g.status in :states and exists (select c.id"
                        + " from CaseFile c where c.id = g.caseFileId and c.team.code = :team)"
                        + " order by g.recommendedAt, g.id",
                EmergencyGrant.class).setParameter("team", teamCode).setParameter("states", states).getResultList();
    }

    /**
     * The same person's grants: on this case file and on the case files triage linked to it or marked as its
     * duplicate (in either direction), except {@code excluded}.
     */
    public List<FundRules.PriorGrant> priorGrants(CaseFile caseFile, Long excluded) {
        List<Long> cases = new ArrayList<>();
        cases.add(caseFile.getId());
        if (caseFile.getDuplicateOf() != null) {
            cases.add(caseFile.getDuplicateOf().getId());
        }
        if (caseFile.getLinkedCase() != null) {
            cases.add(caseFile.getLinkedCase().getId());
        }
        cases.addAll(em.createQuery("select c.id from CaseFile c where c.duplicateOf.id = :id or c.linkedCase.id = :id",
                Long.class).setParameter("id", caseFile.getId()).getResultList());
        return em.createQuery("select g from EmergencyGrant g where g.caseFileId in :cases", EmergencyGrant.class)
                .setParameter("cases", cases).getResultList().stream()
                .filter(g -> !g.getId().equals(excluded))
                .map(g -> new FundRules.PriorGrant(g.getReference(), g.getCategory(), g.getStatus()))
                .toList();
    }

    /** Disbursements of a fund by payment day, for its burn-down. */
    public List<Object[]> paymentsByDay(long fundId) {
        return em.createQuery("select d.paidOn, sum(d.amount) from Disbursement d join d.grant g"
                + " where g.fund.id = :id group by d.paidOn order by d.paidOn", Object[].class)
                .setParameter("id", fundId).getResultList();
    }
}
