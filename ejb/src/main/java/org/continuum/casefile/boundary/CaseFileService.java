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
        return new CaseDetails(c.getId(), c.getReference(), c.getPseudonym(),
                identity ? c.getLegalName() : null, identity ? c.getContact() : null,
                identity ? c.getLocation() : null, c.getSituation(), c.getCountry(), c.getLanguages(),
                c.getRequestType(), c.getUrgency(), c.getChannel(), c.getPhase(), c.getTeam().getName(),
                c.isConsentStorage(), c.getConsentRecordedAt(), c.isTriageOverdue(), c.getEligible(),
                identity ? c.getTriageNote() : null, c.getCreatedAt(), c.getCreatedBy(), tasks);
    }

    private UserAccount caller() {
        return staff.caller(context.getCallerPrincipal().getName());
    }

    public record CasePage(List<CaseSummary> rows, long total) {
    }
}
