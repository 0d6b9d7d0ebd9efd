package org.continuum.workspace.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.casefile.boundary.CaseFileService;
import org.continuum.casefile.boundary.TaskInboxService;
import org.continuum.casefile.control.ReviewDue;
import org.continuum.casefile.control.WorkTask;
import org.continuum.casefile.entity.Phase;
import org.continuum.casefile.entity.RiskLevel;
import org.continuum.grant.boundary.Desk;
import org.continuum.grant.boundary.FundService;
import org.continuum.grant.boundary.FundView;
import org.continuum.grant.boundary.GrantService;
import org.continuum.referral.boundary.ReferralService;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** The caseworker's dashboard: tasks, overdue work, open cases by phase and risk level, reviews due this week. */
@Named
@ViewScoped
public class DashboardView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CaseFileService cases;

    @Inject
    TaskInboxService inbox;

    @Inject
    SessionViewAccess session;

    @Inject
    GrantService grants;

    @Inject
    FundService fundService;

    private CaseFileService.Dashboard dashboard;
    private Desk desk;
    private List<FundView> funds;
    private TaskInboxService.InboxOverview inboxOverview;

    /** The dashboard lists the oldest tasks of the inbox; the inbox page lists them all. */
    static final int TASKS_SHOWN = 10;
    private List<ReferralService.OverdueReferral> overdueReferrals;

    @Inject
    ReferralService referrals;

    @Inject
    org.continuum.relocation.boundary.RouteService routes;

    private List<org.continuum.relocation.boundary.RouteService.ExpiringDocument> expiringDocuments;

    /** Travel documents of my case files that expire within 90 days or before a booked travel. */
    public List<org.continuum.relocation.boundary.RouteService.ExpiringDocument> getExpiringDocuments() {
        if (expiringDocuments == null) {
            expiringDocuments = routes.expiring();
        }
        return expiringDocuments;
    }

    /** Referrals of my case files whose partner has not answered by the due date. */
    public List<ReferralService.OverdueReferral> getOverdueReferrals() {
        if (overdueReferrals == null) {
            overdueReferrals = referrals.overdue();
        }
        return overdueReferrals;
    }

    public CaseFileService.Dashboard getDashboard() {
        if (dashboard == null) {
            dashboard = cases.dashboard();
        }
        return dashboard;
    }

    /** Coordinators only: grants waiting for my decision, to pay, with an overdue report. */
    public Desk getGrantDesk() {
        if (desk == null) {
            desk = grants.desk();
        }
        return desk;
    }

    public List<FundView> getFunds() {
        if (funds == null) {
            funds = fundService.funds();
        }
        return funds;
    }

    /** The oldest tasks of my inbox, with how many wait for me and how many are overdue. */
    public TaskInboxService.InboxOverview getInbox() {
        if (inboxOverview == null) {
            inboxOverview = inbox.overview(TASKS_SHOWN);
        }
        return inboxOverview;
    }

    public List<WorkTask> getTasks() {
        return getInbox().oldest();
    }

    public long getMyTaskCount() {
        return getInbox().mineOrUnclaimed();
    }

    public long getOverdueCount() {
        return getInbox().overdue();
    }

    public boolean overdue(WorkTask task) {
        return task.isOverdue(Instant.now());
    }

    public boolean late(ReviewDue review) {
        return review.dueAt().isBefore(Instant.now());
    }

    /** The bars of the by-phase panel: the open phases (closed case files are counted in the reports). */
    public List<Phase> getOpenPhases() {
        return Phase.open();
    }

    public RiskLevel[] getRiskLevels() {
        RiskLevel[] levels = RiskLevel.values();
        java.util.Collections.reverse(java.util.Arrays.asList(levels));
        return levels;
    }

    public long phaseCount(Phase phase) {
        return getDashboard().byPhase().getOrDefault(phase, 0L);
    }

    public long riskCount(RiskLevel level) {
        return getDashboard().byRisk().getOrDefault(level, 0L);
    }

    public long phasePercent(Phase phase) {
        return percent(phaseCount(phase), getDashboard().byPhase().values().stream().mapToLong(Long::longValue).max()
                .orElse(0));
    }

    public long riskPercent(RiskLevel level) {
        return percent(riskCount(level), getDashboard().byRisk().values().stream().mapToLong(Long::longValue).max()
                .orElse(0));
    }

    private static long percent(long value, long max) {
        return max == 0 ? 0 : Math.round(100.0 * value / max);
    }
}
