package org.continuum.report.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.continuum.identity.control.StepUps;
import org.continuum.identity.control.Caller;
import org.continuum.audit.control.AuditTrail;
import org.continuum.audit.entity.AuditAction;
import org.continuum.audit.entity.AuditEvent;
import org.continuum.platform.control.InvalidInput;
import org.continuum.grant.entity.Disbursement;
import org.continuum.grant.entity.EmergencyGrant;
import org.continuum.grant.entity.GrantDecision;
import org.continuum.platform.control.Roles;
import org.continuum.audit.control.AuditDetails;
import org.continuum.report.control.ExportPseudonyms;
import org.continuum.report.control.ExportReader;
import org.continuum.report.control.ExportSheets;
import org.continuum.report.control.ExportWording;
import org.continuum.report.control.KAnonymity;
import org.continuum.security.control.SealedValues;

import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Pseudonymised exports for auditors, streamed page by page (CSV with Commons CSV, XLSX with fastexcel): case files
 * (no name, contact, exact location or narrative), grants with every decision and payment, and the audit trail of a
 * period. Each export is audited with its row count. Column names and values are written in the words of the
 * interface in the reader's language, or as codes for analysis tools ({@link ExportWording}).
 */
@Stateless
@RolesAllowed(Roles.AUDITOR)
public class AuditorExport {

    @Inject
    Caller currentCaller;

    @Inject
    StepUps stepUps;

    static final int PAGE = 1000;
    public static final List<String> CASE_COLUMNS = List.of("pseudonym", "team", "country", "situation", "request_type",
            "urgency", "channel", "phase", "risk_level", "created", "closed", "closure_outcome",
            "relocation_scope", "destination_country", "arrived", "check_ins");
    static final List<String> GRANT_COLUMNS = List.of("case_pseudonym", "grant", "fund", "category", "amount",
            "currency", "status", "recommended_by", "recommended_on", "approvals_required", "approved_amount",
            "approved_in_fund_currency", "disbursed_in_fund_currency", "tranches", "tranches_paid", "report_due_on",
            "report_received_on", "decisions", "payments");
    static final List<String> AUDIT_COLUMNS = List.of("occurred_at", "actor", "action", "case_pseudonym", "outcome",
            "detail");

    public enum Dataset { CASES, GRANTS, AUDIT }

    @Inject
    ExportReader reader;

    @Inject
    SealedValues sealed;

    @Inject
    AuditTrail audit;

    /** True when the caller must type their password and a code again before an export. */
    public boolean stepUpNeeded() {
        return !stepUps.fresh(currentCaller.account(), Instant.now());
    }

    private void requireStepUp() {
        if (stepUpNeeded()) {
            throw new InvalidInput("export.reauth.required");
        }
    }

    /**
     * Writes one dataset as CSV; returns the number of rows. {@code from}/{@code to} bound the audit period;
     * {@code language} is the reader's ("en", "fr", "ar") for words, or null for codes.
     */
    public long csv(Dataset dataset, LocalDate from, LocalDate to, String language, OutputStream out) {
        requireStepUp();
        ExportWording wording = wording(language);
        ExportPseudonyms pseudonyms = new ExportPseudonyms();
        AtomicReference<KAnonymity.Plan> plan = new AtomicReference<>();
        if (wording.inWords()) {
            try {
                out.write(ExportWording.BOM);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        long rows = ExportSheets.csv(out, wording.columns(columns(dataset)),
                sink -> rows(dataset, from, to, wording, pseudonyms, plan, sink));
        audited(dataset, "csv", wording, rows, plan.get());
        return rows;
    }

    /**
     * Writes the cases, grants and the audit period as three sheets of one XLSX workbook (one pseudonym key), in the
     * reader's words ({@code language}) or as codes (null).
     */
    public long xlsx(LocalDate from, LocalDate to, String language, OutputStream out) {
        requireStepUp();
        ExportWording wording = wording(language);
        ExportPseudonyms pseudonyms = new ExportPseudonyms();
        AtomicReference<KAnonymity.Plan> plan = new AtomicReference<>();
        ExportSheets.Xlsx workbook = new ExportSheets.Xlsx(out);
        long total = 0;
        for (Dataset dataset : Dataset.values()) {
            total += workbook.sheet(dataset.name().toLowerCase(java.util.Locale.ROOT),
                    wording.columns(columns(dataset)), sink -> rows(dataset, from, to, wording, pseudonyms, plan, sink));
        }
        workbook.finish();
        audited(null, "xlsx", wording, total, plan.get());
        return total;
    }

    private static ExportWording wording(String language) {
        return language == null || language.isBlank() ? ExportWording.codes() : ExportWording.words(language);
    }

    private void audited(Dataset dataset, String format, ExportWording wording, long rows, KAnonymity.Plan plan) {
        audit.record(currentCaller.username(), AuditAction.EXPORT_GENERATED, null,
                (dataset == null ? "all" : dataset.name().toLowerCase(java.util.Locale.ROOT)) + " " + format
                        + " rows=" + rows + (plan == null ? "" : " k=" + KAnonymity.K + " level="
                        + plan.level().name().toLowerCase(java.util.Locale.ROOT) + " hidden=" + plan.hiddenRows())
                        + (wording.inWords() ? " words" : " codes"));
    }

    private static List<String> columns(Dataset dataset) {
        return switch (dataset) {
            case CASES -> CASE_COLUMNS;
            case GRANTS -> GRANT_COLUMNS;
            case AUDIT -> AUDIT_COLUMNS;
        };
    }

    private long rows(Dataset dataset, LocalDate from, LocalDate to, ExportWording w, ExportPseudonyms p,
                      AtomicReference<KAnonymity.Plan> plan, Consumer<List<String>> sink) {
        return switch (dataset) {
            case CASES -> cases(w, p, plan, sink);
            case GRANTS -> grants(w, p, sink);
            case AUDIT -> auditTrail(from, to, p, sink);
        };
    }

    /**
     * Two passes, each by keyset pagination with the persistence context cleared after each page (memory stays
     * flat but for the class counts): the first counts the quasi-identifiers, the second writes every row as the
     * k-anonymity plan lets it show them.
     */
    private long cases(ExportWording w, ExportPseudonyms p, AtomicReference<KAnonymity.Plan> planned,
                       Consumer<List<String>> sink) {
        KAnonymity counter = new KAnonymity();
        eachCase(c -> counter.count(quasi(c)));
        KAnonymity.Plan plan = counter.plan();
        planned.set(plan);
        long rows = eachCase(view -> {
            ExportReader.CaseRow c = view.row();
            KAnonymity.Quasi q = quasi(view);
            List<String> shown = plan.show(q);
            sink.accept(List.of(p.of(c.id()), shown.get(0), w.country(shown.get(1)),
                    w.label("situation", shown.get(2)), w.label("requestType", c.requestType()),
                    w.label("urgency", c.urgency()), w.label("channel", c.channel()),
                    w.label("phase", c.phase()), w.label("risk", c.riskLevel()), shown.get(4),
                    plan.period(q, month(c.closedAt())), w.label("outcome", c.outcome()),
                    w.label("scope", c.relocationScope()), w.country(shown.get(3)),
                    plan.period(q, month(c.arrivedAt())), Integer.toString(c.checkInsDone())));
        });
        return rows;
    }

    /**
     * Every case file as the export needs it, by pages of columns: the destination is the one sealed field the
     * sheet shows, opened for the page at once (its data keys read in batches). Loading whole case files opened
     * every sealed field of each and read its key with a query of its own: 6,500 rows/s, first byte after 8 s.
     */
    private long eachCase(Consumer<CaseView> action) {
        long rows = 0;
        long after = 0;
        while (true) {
            List<ExportReader.CaseRow> page = reader.caseRowsAfter(after, PAGE);
            Map<Long, String> sealedDestinations = new HashMap<>();
            for (ExportReader.CaseRow c : page) {
                if (c.destination() != null) {
                    sealedDestinations.put(c.id(), c.destination());
                }
            }
            Map<Long, String> destinations = sealedDestinations.isEmpty() ? Map.of()
                    : sealed.openAll("casefile", "destination_enc", sealedDestinations);
            for (ExportReader.CaseRow c : page) {
                action.accept(new CaseView(c, destinations.get(c.id())));
                after = c.id();
                rows++;
            }
            reader.forget();
            if (page.size() < PAGE) {
                return rows;
            }
        }
    }

    /** A row of the cases sheet with its destination opened. */
    private record CaseView(ExportReader.CaseRow row, String destination) {
    }

    private static KAnonymity.Quasi quasi(CaseView c) {
        return new KAnonymity.Quasi(c.row().team(), c.row().country(), c.row().situation().name(),
                text(c.destination()), month(c.row().createdAt()));
    }

    private static YearMonth month(Instant instant) {
        return instant == null ? null : YearMonth.from(instant.atZone(ZoneOffset.UTC));
    }

    private long grants(ExportWording w, ExportPseudonyms p, Consumer<List<String>> sink) {
        long rows = 0;
        long after = 0;
        while (true) {
            List<EmergencyGrant> page = reader.grantsAfter(after, PAGE);
            for (EmergencyGrant g : page) {
                List<String> decisions = new ArrayList<>();
                for (GrantDecision d : g.getDecisions()) {
                    decisions.add(w.label("decisionKind", d.getKind()) + " · " + d.getDecidedBy() + " · "
                            + day(d.getDecidedAt()) + (d.getAmount() == null ? "" : " · " + d.getAmount().toPlainString()));
                }
                List<String> payments = new ArrayList<>();
                for (Disbursement d : g.getDisbursements()) {
                    payments.add("#" + d.getTranche() + " · " + d.getAmount().toPlainString() + " · "
                            + w.label("disbursementMethod", d.getMethod()) + " · " + d.getPaidOn() + " · "
                            + d.getRecordedBy());
                }
                sink.accept(List.of(p.of(g.getCaseFileId()), p.ofGrant(g.getId()), g.getFund().getCode(),
                        w.label("grantCategory", g.getCategory()), g.getAmount().toPlainString(), g.getCurrency(),
                        w.label("grantStatus", g.getStatus()),
                        g.getRecommendedBy(), day(g.getRecommendedAt()), Integer.toString(g.getApprovalsRequired()),
                        text(g.getApprovedAmount()), text(g.getApprovedInFundCurrency()),
                        text(g.getDisbursedInFundCurrency()), Integer.toString(g.getTranches()),
                        Integer.toString(g.getTranchesPaid()), text(g.getReportDueOn()),
                        day(g.getReportReceivedAt()), String.join("; ", decisions), String.join("; ", payments)));
                after = g.getId();
                rows++;
            }
            reader.forget();
            if (page.size() < PAGE) {
                return rows;
            }
        }
    }

    private long auditTrail(LocalDate from, LocalDate to, ExportPseudonyms p, Consumer<List<String>> sink) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new InvalidInput("export.period.invalid");
        }
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        long rows = 0;
        long after = 0;
        while (true) {
            List<AuditEvent> page = reader.auditAfter(after, start, end, PAGE);
            for (AuditEvent a : page) {
                sink.accept(List.of(a.getOccurredAt().toString(), a.getActor(), a.getAction().name(),
                        p.of(a.getCaseFileId()), a.getOutcome().name(), AuditDetails.scrub(a.getDetail())));
                after = a.getId();
                rows++;
            }
            reader.forget();
            if (page.size() < PAGE) {
                return rows;
            }
        }
    }

    private static String day(Instant instant) {
        return instant == null ? "" : instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof java.math.BigDecimal b ? b.toPlainString() : value.toString();
    }
}
