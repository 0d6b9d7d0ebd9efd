package org.continuum.casefile.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.audit.entity.AuditEvent;
import org.continuum.casefile.control.BreakGlasses;
import org.continuum.casefile.control.CaseFiles;
import org.continuum.casefile.entity.BreakGlass;
import org.continuum.identity.control.Caller;
import org.continuum.platform.control.InvalidInput;
import org.continuum.platform.control.Roles;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The auditors' break-glass report: who opened which case file outside their need to know, why, for how long, who
 * confirmed acting, and what they opened under it (from the audit trail). Case references only, no case content.
 */
@Stateless
@RolesAllowed(Roles.AUDITOR)
public class BreakGlassReport {

    static final int MAX_ROWS = 500;
    private static final int MAX_OPENINGS = 200;
    private static final int MAX_DAYS = 366;

    @Inject
    Caller currentCaller;

    @Inject
    BreakGlasses breakGlasses;

    @Inject
    CaseFiles caseFiles;

    @Inject
    AuditTrail audit;

    /** Break-glasses opened on days {@code from} to {@code to} (UTC, both included), latest first; audited. */
    public List<Row> between(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new InvalidInput("breakglass.report.period");
        }
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        audit.record(currentCaller.username(), AuditAction.REPORT_VIEWED, null, "report=break-glass from=" + from
                + " to=" + to);
        return breakGlasses.openedBetween(start, end, MAX_ROWS).stream().map(this::row).toList();
    }

    private Row row(BreakGlass g) {
        // The trail keeps no glass id: the openings are this person's uses of this case file while the glass ran.
        List<Opening> opened = new ArrayList<>();
        audit.of(AuditAction.BREAK_GLASS_USED, g.getUsername(), g.getCaseFileId(), MAX_OPENINGS * 10).stream()
                .filter(e -> !e.getOccurredAt().isBefore(g.getOpenedAt().truncatedTo(ChronoUnit.MILLIS))
                        && !e.getOccurredAt().isAfter(g.getExpiresAt()))
                .map(this::opening)
                .forEach(o -> {
                    // One page opens the case file several times (facts, plan, grants): one line per action and minute.
                    Opening last = opened.isEmpty() ? null : opened.get(opened.size() - 1);
                    if (last != null && last.action().equals(o.action())
                            && last.at().truncatedTo(ChronoUnit.MINUTES).equals(o.at().truncatedTo(ChronoUnit.MINUTES))) {
                        opened.set(opened.size() - 1, new Opening(last.at(), last.action(), last.times() + 1));
                    } else if (opened.size() < MAX_OPENINGS) {
                        opened.add(o);
                    }
                });
        return new Row(g.getId(), g.getUsername(), caseFiles.get(g.getCaseFileId()).getReference(), g.getReason(),
                g.getOpenedAt(), g.getExpiresAt(), Duration.between(g.getOpenedAt(), g.getExpiresAt()).toMinutes(),
                g.isWantsWrite(), g.getConfirmedBy(), opened);
    }

    private Opening opening(AuditEvent e) {
        String detail = e.getDetail();
        int at = detail.indexOf("action=");
        return new Opening(e.getOccurredAt(), at < 0 ? "-" : detail.substring(at + "action=".length()), 1);
    }

    /** One break-glass. */
    public record Row(long id, String username, String reference, String reason, Instant openedAt,
                      Instant expiresAt, long minutes, boolean wantsToAct, String confirmedBy,
                      List<Opening> opened) implements Serializable {
    }

    /**
     * Openings of the case file under a break-glass: when (the first), which action (e.g. {@code CASE_VIEWED}), and
     * how many times within that minute.
     */
    public record Opening(Instant at, String action, int times) implements Serializable {
    }
}
