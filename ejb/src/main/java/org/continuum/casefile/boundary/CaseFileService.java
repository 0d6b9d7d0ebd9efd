package org.continuum.casefile.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.casefile.control.CaseAccessPolicy;
import org.continuum.casefile.control.CaseGuard;
import org.continuum.casefile.control.CaseQuery;
import org.continuum.casefile.control.CaseSummary;
import org.continuum.casefile.control.CaseWorkflow;
import org.continuum.casefile.control.Timeline;
import org.continuum.casefile.control.WorkTask;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.identity.control.Staff;
import org.continuum.identity.entity.Role;
import org.continuum.identity.entity.Roles;
import org.continuum.identity.entity.UserAccount;
import org.continuum.security.control.FieldCipher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reading case files. The list is restricted in the query itself (team or assignment), so a page never holds a
 * row the caller may not see; opening one case file goes through {@link CaseGuard} and is audited.
 */
@Stateless
@RolesAllowed({Roles.CASEWORKER, Roles.COORDINATOR, Roles.SECURITY_MENTOR})
public class CaseFileService {

    @Resource
    SessionContext context;

    @PersistenceContext
    EntityManager em;

    @Inject
    Staff staff;

    @Inject
    CaseGuard guard;

    @Inject
    AuditTrail audit;

    @Inject
    FieldCipher cipher;

    @Inject
    CaseWorkflow workflow;

    @Inject
    Timeline timeline;

    /** How many case files the caller may see match the filters (the list's paginator); not audited. */
    public long count(CaseQuery query) {
        return count(query, caller());
    }

    private long count(CaseQuery query, UserAccount caller) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<CaseFile> countRoot = count.from(CaseFile.class);
        count.select(cb.count(countRoot)).where(filters(cb, countRoot, query, caller));
        return em.createQuery(count).getSingleResult();
    }

    /** One page of the case files the caller may see; a search by legal name is audited (without the name). */
    public CasePage search(CaseQuery query) {
        UserAccount caller = caller();
        if (query.legalName() != null) {
            audit.record(caller.getUsername(), AuditAction.CASE_SEARCHED_BY_NAME, null, null);
        }
        long total = count(query, caller);
        CriteriaBuilder cb = em.getCriteriaBuilder();

        CriteriaQuery<CaseFile> select = cb.createQuery(CaseFile.class);
        Root<CaseFile> root = select.from(CaseFile.class);
        select.select(root).where(filters(cb, root, query, caller));
        var sortPath = root.get(query.sortField());
        select.orderBy(query.ascending() ? cb.asc(sortPath) : cb.desc(sortPath), cb.desc(root.get("id")));
        List<CaseFile> rows = em.createQuery(select).setFirstResult(query.first())
                .setMaxResults(query.pageSize()).getResultList();

        boolean identity = CaseAccessPolicy.mayReadIdentity(caller);
        List<CaseSummary> summaries = rows.stream().map(c -> new CaseSummary(c.getId(), c.getReference(),
                c.getPseudonym(), identity ? c.getLegalName() : null, c.getPhase(), c.getUrgency(), c.getCountry(),
                c.getCreatedAt(), c.isTriageOverdue())).toList();
        return new CasePage(summaries, total);
    }

    private Predicate[] filters(CriteriaBuilder cb, Root<CaseFile> root, CaseQuery query, UserAccount caller) {
        List<Predicate> where = new ArrayList<>();
        where.add(visibleTo(cb, root, caller));
        if (query.reference() != null) {
            where.add(cb.like(cb.upper(root.get("reference")), likePattern(query.reference().toUpperCase(Locale.ROOT)),
                    '\\'));
        }
        if (query.pseudonym() != null) {
            where.add(cb.like(cb.lower(root.get("pseudonym")), likePattern(query.pseudonym().toLowerCase(Locale.ROOT)),
                    '\\'));
        }
        if (query.legalName() != null) {
            where.add(cb.equal(root.get("legalNameIndex"), cipher.blindIndex(query.legalName())));
        }
        if (query.phase() != null) {
            where.add(cb.equal(root.get("phase"), query.phase()));
        }
        if (query.urgency() != null) {
            where.add(cb.equal(root.get("urgency"), query.urgency()));
        }
        if (query.country() != null) {
            where.add(cb.equal(root.get("country"), query.country().toUpperCase(Locale.ROOT)));
        }
        return where.toArray(Predicate[]::new);
    }

    private static Predicate visibleTo(CriteriaBuilder cb, Root<CaseFile> root, UserAccount caller) {
        List<Predicate> any = new ArrayList<>();
        if ((caller.hasRole(Role.CASEWORKER) || caller.hasRole(Role.COORDINATOR)) && caller.getTeam() != null) {
            any.add(cb.equal(root.get("team"), caller.getTeam()));
        }
        if (caller.hasRole(Role.SECURITY_MENTOR)) {
            any.add(cb.equal(root.get("assignedMentor"), caller));
        }
        return any.isEmpty() ? cb.disjunction() : cb.or(any.toArray(Predicate[]::new));
    }

    static String likePattern(String value) {
        String escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    /** Opens one case file for reading; audited as a view. */
    public CaseDetails view(long caseFileId) {
        UserAccount caller = caller();
        CaseFile c = guard.open(caller, caseFileId, AuditAction.CASE_VIEWED);
        audit.record(caller.getUsername(), AuditAction.CASE_VIEWED, c.getId(), null);
        boolean identity = CaseAccessPolicy.mayReadIdentity(caller);
        List<WorkTask> tasks = workflow.openTasksOf(c.getId());
        List<CaseDetails.TimelineEntry> entries = timeline.of(c.getId()).stream()
                .map(e -> new CaseDetails.TimelineEntry(e.getOccurredAt(), e.getActor(), e.getKind(), e.getPhase(),
                        e.getSummary(), identity ? e.getNote() : null))
                .toList();
        CaseWorkflow.ProcessPosition position = c.getProcessInstanceId() == null
                ? new CaseWorkflow.ProcessPosition(null, java.util.Set.of(), java.util.Set.of())
                : workflow.position(c.getProcessInstanceId());
        return new CaseDetails(c.getId(), c.getReference(), c.getPseudonym(),
                identity ? c.getLegalName() : null, identity ? c.getContact() : null,
                identity ? c.getLocation() : null, c.getSituation(), c.getCountry(), c.getLanguages(),
                c.getRequestType(), c.getUrgency(), c.getChannel(), c.getPhase(), c.getTeam().getName(),
                c.isConsentStorage(), c.getConsentRecordedAt(), c.isTriageOverdue(), c.getEligible(),
                identity ? c.getTriageNote() : null, c.getCreatedAt(), c.getCreatedBy(), tasks,
                c.getRiskLevel(), c.getNextReviewAt(), c.getClosureOutcome(),
                c.getAssignedMentor() == null ? null : c.getAssignedMentor().getUsername(),
                c.getRelocationScope(), c.getDestinationCountry(), c.getArrivedAt(), c.getCheckInsDone(),
                c.getLinkedCase() == null ? null : c.getLinkedCase().getReference(),
                c.getDuplicateOf() == null ? null : c.getDuplicateOf().getReference(),
                entries, position.active(), position.passed());
    }

    /**
     * The caller's dashboard figures, over the case files they may see: open cases by phase and by risk level,
     * reviews (reassessments and check-ins) due within seven days, triage deadlines missed.
     */
    public Dashboard dashboard() {
        UserAccount caller = caller();
        CriteriaBuilder cb = em.getCriteriaBuilder();
        java.util.Map<org.continuum.casefile.entity.Phase, Long> byPhase = new java.util.EnumMap<>(
                org.continuum.casefile.entity.Phase.class);
        java.util.Map<org.continuum.casefile.entity.RiskLevel, Long> byRisk = new java.util.EnumMap<>(
                org.continuum.casefile.entity.RiskLevel.class);
        CriteriaQuery<Object[]> phases = cb.createQuery(Object[].class);
        Root<CaseFile> p = phases.from(CaseFile.class);
        phases.multiselect(p.get("phase"), cb.count(p)).where(visibleTo(cb, p, caller)).groupBy(p.get("phase"));
        for (Object[] row : em.createQuery(phases).getResultList()) {
            byPhase.put((org.continuum.casefile.entity.Phase) row[0], (Long) row[1]);
        }
        CriteriaQuery<Object[]> risks = cb.createQuery(Object[].class);
        Root<CaseFile> r = risks.from(CaseFile.class);
        risks.multiselect(r.get("riskLevel"), cb.count(r))
                .where(visibleTo(cb, r, caller), cb.isNotNull(r.get("riskLevel")),
                        cb.notEqual(r.get("phase"), org.continuum.casefile.entity.Phase.CLOSED))
                .groupBy(r.get("riskLevel"));
        for (Object[] row : em.createQuery(risks).getResultList()) {
            byRisk.put((org.continuum.casefile.entity.RiskLevel) row[0], (Long) row[1]);
        }
        java.time.Instant weekEnd = java.time.Instant.now().plus(java.time.Duration.ofDays(7));
        CriteriaQuery<CaseFile> due = cb.createQuery(CaseFile.class);
        Root<CaseFile> d = due.from(CaseFile.class);
        due.select(d).where(visibleTo(cb, d, caller), cb.isNotNull(d.get("nextReviewAt")),
                cb.lessThanOrEqualTo(d.get("nextReviewAt"), weekEnd)).orderBy(cb.asc(d.get("nextReviewAt")));
        List<ReviewDue> reviews = em.createQuery(due).setMaxResults(50).getResultList().stream()
                .map(c -> new ReviewDue(c.getId(), c.getReference(), c.getPseudonym(), c.getPhase(),
                        c.getRiskLevel(), c.getNextReviewAt())).toList();
        CriteriaQuery<Long> overdue = cb.createQuery(Long.class);
        Root<CaseFile> o = overdue.from(CaseFile.class);
        overdue.select(cb.count(o)).where(visibleTo(cb, o, caller), cb.isTrue(o.get("triageOverdue")));
        return new Dashboard(byPhase, byRisk, reviews, em.createQuery(overdue).getSingleResult());
    }

    /** The BPMN of the process the case runs on, for the diagram on the case page. */
    public String processDiagram(long caseFileId) {
        CaseFile c = guard.open(caller(), caseFileId, AuditAction.CASE_VIEWED);
        if (c.getProcessInstanceId() == null) {
            return null;
        }
        String definition = workflow.position(c.getProcessInstanceId()).processDefinitionId();
        return definition == null ? null : workflow.diagram(definition).orElse(null);
    }

    private UserAccount caller() {
        return staff.caller(context.getCallerPrincipal().getName());
    }

    public record Dashboard(java.util.Map<org.continuum.casefile.entity.Phase, Long> byPhase,
                            java.util.Map<org.continuum.casefile.entity.RiskLevel, Long> byRisk,
                            List<ReviewDue> reviewsDue, long triageOverdue) {
    }

    public record ReviewDue(long caseFileId, String reference, String pseudonym,
                            org.continuum.casefile.entity.Phase phase, org.continuum.casefile.entity.RiskLevel risk,
                            java.time.Instant dueAt) {
    }

    public record CasePage(List<CaseSummary> rows, long total) {
    }
}
