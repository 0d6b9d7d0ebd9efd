package org.continuum.casefile.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.audit.entity.AuditOutcome;
import org.continuum.casefile.control.BreakGlasses;
import org.continuum.casefile.control.CaseAccessPolicy;
import org.continuum.casefile.control.CaseFiles;
import org.continuum.casefile.control.ReviewDue;
import org.continuum.casefile.control.CaseGuard;
import org.continuum.casefile.control.CaseQuery;
import org.continuum.casefile.control.CaseSummary;
import org.continuum.casefile.control.CaseWorkflow;
import org.continuum.casefile.control.Timeline;
import org.continuum.casefile.control.WorkTask;
import org.continuum.casefile.entity.BreakGlass;
import org.continuum.casefile.entity.CaseFile;
import org.continuum.casefile.entity.Phase;
import org.continuum.casefile.entity.RiskLevel;
import org.continuum.identity.control.Caller;
import org.continuum.identity.entity.UserAccount;
import org.continuum.platform.control.CaseAccessDenied;
import org.continuum.platform.control.Roles;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reading case files. The list is restricted in the query itself (team or assignment), so a page never holds a
 * row the caller may not see; opening one case file goes through {@link CaseGuard} and is audited.
 */
@Stateless
@RolesAllowed({Roles.CASEWORKER, Roles.COORDINATOR, Roles.SECURITY_MENTOR})
public class CaseFileService {

    @Inject
    Caller currentCaller;

    @Inject
    CaseFiles caseFiles;

    @Inject
    CaseGuard guard;

    @Inject
    AuditTrail audit;

    @Inject
    CaseWorkflow workflow;

    @Inject
    Timeline timeline;

    @Inject
    BreakGlasses breakGlasses;

    /** How many case files the caller may see match the filters (the list's paginator); not audited. */
    public long count(CaseQuery query) {
        return caseFiles.count(query, currentCaller.account());
    }

    /** One page of the case files the caller may see; a search by legal name is audited (without the name). */
    public CasePage search(CaseQuery query) {
        UserAccount reader = currentCaller.account();
        return new CasePage(rows(query, reader), caseFiles.count(query, reader));
    }

    /** The same page without its total, for a list that counts on its own ({@link #count}): one count per request. */
    public List<CaseSummary> rows(CaseQuery query) {
        return rows(query, currentCaller.account());
    }

    private List<CaseSummary> rows(CaseQuery query, UserAccount reader) {
        if (query.legalName() != null) {
            audit.record(reader.getUsername(), AuditAction.CASE_SEARCHED_BY_NAME, null, null);
        }
        // Legal names are masked in lists: the pseudonym identifies the row; revealing a name is its own audited act.
        return caseFiles.page(query, reader);
    }

    /** The legal name of one row of a list, shown on an explicit click: need to know first, then audited. */
    public String revealLegalName(long caseFileId) {
        UserAccount reader = currentCaller.account();
        CaseFile c = guard.open(reader, caseFileId, AuditAction.LEGAL_NAME_REVEALED);
        if (!CaseAccessPolicy.mayReadIdentity(reader)) {
            audit.recordIndependently(reader.getUsername(), AuditAction.LEGAL_NAME_REVEALED, c.getId(),
                    AuditOutcome.DENIED, "no-identity-access");
            throw new CaseAccessDenied();
        }
        audit.record(reader.getUsername(), AuditAction.LEGAL_NAME_REVEALED, c.getId(), null);
        return c.getLegalName();
    }

    /** Opens one case file for reading; audited as a view. */
    public CaseDetails view(long caseFileId) {
        UserAccount reader = currentCaller.account();
        CaseFile c = guard.open(reader, caseFileId, AuditAction.CASE_VIEWED);
        audit.record(reader.getUsername(), AuditAction.CASE_VIEWED, c.getId(), null);
        boolean identity = CaseAccessPolicy.mayReadIdentity(reader);
        List<WorkTask> tasks = workflow.openTasksOf(c.getId());
        List<CaseDetails.TimelineEntry> entries = timeline.of(c.getId()).stream()
                .map(e -> new CaseDetails.TimelineEntry(e.getOccurredAt(), e.getActor(), e.getKind(), e.getPhase(),
                        e.getSummary(), identity ? e.getNote() : null))
                .toList();
        CaseWorkflow.ProcessPosition position = c.getProcessInstanceId() == null
                ? new CaseWorkflow.ProcessPosition(null, Set.of(), Set.of())
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
                entries, position.active(), position.passed(), position.processDefinitionId(), c.getErasedAt());
    }

    /**
     * The caller's dashboard figures, over the case files they may see: open cases by phase and by risk level,
     * reviews (reassessments and check-ins) due within seven days, triage deadlines missed.
     */
    public Dashboard dashboard() {
        UserAccount reader = currentCaller.account();
        List<ReviewDue> reviews = caseFiles.reviewsDueBefore(Instant.now().plus(Duration.ofDays(7)), reader, 50);
        CaseFiles.Counts counts = caseFiles.counts(reader);
        return new Dashboard(counts.byPhase(), counts.byRisk(), reviews, caseFiles.countTriageOverdue(reader));
    }

    /**
     * Until when the caller reads this case file under a break-glass of theirs (empty when they read it by need to
     * know): the case page says so while it lasts. Need to know first, like every case-scoped call.
     */
    public Optional<Instant> emergencyAccessUntil(long caseFileId) {
        UserAccount reader = currentCaller.account();
        CaseFile c = guard.open(reader, caseFileId, AuditAction.CASE_VIEWED);
        if (CaseAccessPolicy.refusal(reader, c).isEmpty()) {
            return Optional.empty();
        }
        return breakGlasses.active(reader.getUsername(), c.getId(), Instant.now()).map(BreakGlass::getExpiresAt);
    }

    /**
     * The BPMN of a process definition: the model, the same for every case that runs on it, no case data. A
     * definition never changes (a new version gets a new id), so browsers may keep it.
     */
    public Optional<String> diagram(String processDefinitionId) {
        return workflow.diagram(processDefinitionId);
    }

    public record Dashboard(Map<Phase, Long> byPhase,
                            Map<RiskLevel, Long> byRisk,
                            List<ReviewDue> reviewsDue, long triageOverdue) implements Serializable {
    }

    public record CasePage(List<CaseSummary> rows, long total) {
    }
}
