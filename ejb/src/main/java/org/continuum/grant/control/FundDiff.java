package org.continuum.grant.control;

import org.continuum.grant.entity.Fund;
import org.continuum.grant.entity.FundChange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What a proposed change would change in a fund: for the audit trail as codes ({@code budget=500.00/600.00}, texts
 * only as {@code name-changed}), and for the page as one line per field.
 */
public final class FundDiff {

    private FundDiff() {
    }

    /** One changed field: its name and the old and new values as text. */
    public record Field(String name, String before, String after, boolean text) {
    }

    public static List<Field> fields(Fund fund, FundChange change) {
        Fund.Rules was = fund.rules();
        Fund.Rules will = change.rules();
        List<Field> fields = new ArrayList<>();
        add(fields, "name", fund.getName(), change.getName(), true);
        add(fields, "donor", fund.getDonor(), change.getDonor(), true);
        add(fields, "currency", fund.getCurrency(), change.getCurrency(), false);
        add(fields, "budget", money(fund.getBudget()), money(change.getBudget()), false);
        add(fields, "periodStart", String.valueOf(fund.getPeriodStart()), String.valueOf(change.getPeriodStart()),
                false);
        add(fields, "periodEnd", String.valueOf(fund.getPeriodEnd()), String.valueOf(change.getPeriodEnd()), false);
        add(fields, "ceilingPerGrant", money(was.ceilingPerGrant()), money(will.ceilingPerGrant()), false);
        add(fields, "dualApprovalAbove", money(was.dualApprovalAbove()), money(will.dualApprovalAbove()), false);
        add(fields, "coFundingPercent", String.valueOf(was.coFundingPercent()),
                String.valueOf(will.coFundingPercent()), false);
        add(fields, "noExileCosts", String.valueOf(was.noExileCosts()), String.valueOf(will.noExileCosts()), false);
        add(fields, "requiresTargetedForWork", String.valueOf(was.requiresTargetedForWork()),
                String.valueOf(will.requiresTargetedForWork()), false);
        add(fields, "noRetrospective", String.valueOf(was.noRetrospective()), String.valueOf(will.noRetrospective()),
                false);
        add(fields, "reportDueDays", String.valueOf(was.reportDueDays()), String.valueOf(will.reportDueDays()), false);
        add(fields, "categories", String.join(",", new TreeSet<>(was.categories().stream().map(Enum::name).toList())),
                String.join(",", new TreeSet<>(will.categories().stream().map(Enum::name).toList())), false);
        return fields;
    }

    /** The audit detail: codes and figures only, at most 190 characters. */
    public static String of(Fund fund, FundChange change) {
        StringBuilder detail = new StringBuilder();
        for (Field f : fields(fund, change)) {
            String part = f.text() || f.name().equals("categories") ? f.name() + "-changed"
                    : f.name() + "=" + f.before() + "/" + f.after();
            if (detail.length() + part.length() + 1 > 190) {
                detail.append(" more");
                break;
            }
            detail.append(detail.length() == 0 ? "" : " ").append(part);
        }
        return detail.length() == 0 ? "no-change" : detail.toString();
    }

    /** The page: "field: old → new". */
    public static List<String> lines(Fund fund, FundChange change) {
        return fields(fund, change).stream().map(f -> f.name() + ": " + f.before() + " → " + f.after()).toList();
    }

    private static void add(List<Field> fields, String name, String before, String after, boolean text) {
        if (!Objects.equals(before, after)) {
            fields.add(new Field(name, before, after, text));
        }
    }

    private static String money(BigDecimal amount) {
        return amount == null ? "-" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
