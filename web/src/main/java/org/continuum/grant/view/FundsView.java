package org.continuum.grant.view;

import jakarta.faces.view.ViewScoped;
import org.continuum.identity.boundary.ReauthenticationService;
import org.continuum.identity.view.StepUpForm;
import org.continuum.grant.boundary.FundView;
import org.continuum.grant.boundary.FundDetails;
import org.continuum.grant.boundary.BurnPoint;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.platform.view.ViewActions;
import org.continuum.grant.boundary.FundService;
import org.continuum.platform.view.Messages;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Funds for coordinators: balance, committed and paid money, rules, and a burn-down chart (what remains of the
 * budget after each payment day, against a straight line to zero at the end of the period), drawn as inline SVG.
 */
@Named
@ViewScoped
public class FundsView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int WIDTH = 320;
    static final int HEIGHT = 120;

    @Inject
    FundService fundService;

    @Inject
    ReauthenticationService reauth;

    private final StepUpForm stepUp = new StepUpForm();

    private List<FundView> funds;
    private String code;
    private FundDetails fund;
    private List<FundService.PendingChange> changes = List.of();

    public List<FundView> getFunds() {
        if (funds == null) {
            funds = fundService.funds();
        }
        return funds;
    }

    public void loadFund() {
        ViewActions.run(() -> {
            fund = fundService.fund(code);
            changes = fundService.pendingChanges(code);
        });
    }

    /** A second coordinator applies or rejects a proposed change of the fund (password and code first). */
    public void decideChange(long changeId, boolean apply) {
        if (!stepUp.passed(fundService.stepUpNeeded(), reauth, "fund.change.reauth.failed")) {
            return;
        }
        if (ViewActions.run(() -> fundService.decideChange(changeId, apply))) {
            Messages.info(apply ? "fund.change.applied" : "fund.change.rejected");
        }
        loadFund();
    }

    public List<FundService.PendingChange> getChanges() {
        return changes;
    }

    public boolean isStepUpNeeded() {
        return fundService.stepUpNeeded();
    }

    public StepUpForm getStepUp() {
        return stepUp;
    }

    /**
     * The burn-down polyline as steps: x is the day within the fund's period, y the budget left (top = full budget);
     * the line stays level until a payment day, drops there, and runs on to today.
     */
    public String burnDown(FundView f) {
        long days = Math.max(1, ChronoUnit.DAYS.between(f.periodStart(), f.periodEnd()));
        StringBuilder points = new StringBuilder();
        String level = null;
        for (BurnPoint p : f.burnDown()) {
            String x = x(clamp(ChronoUnit.DAYS.between(f.periodStart(), p.day()), days), days);
            if (level != null) {
                points.append(x).append(',').append(level).append(' ');
            }
            level = y(p.remaining(), f.budget());
            points.append(x).append(',').append(level).append(' ');
        }
        long today = ChronoUnit.DAYS.between(f.periodStart(), java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        return points.append(x(clamp(today, days), days)).append(',').append(level).toString();
    }

    private static long clamp(long day, long days) {
        return Math.min(days, Math.max(0, day));
    }

    public int getWidth() {
        return WIDTH;
    }

    public int getHeight() {
        return HEIGHT;
    }

    /** Share of the budget paid or committed, for the bars. */
    public int percent(BigDecimal part, BigDecimal whole) {
        if (whole == null || whole.signum() == 0 || part == null) {
            return 0;
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 0, RoundingMode.HALF_UP).intValue();
    }

    private static String x(long day, long days) {
        return String.format(Locale.ROOT, "%.1f", WIDTH * (double) day / days);
    }

    private static String y(BigDecimal remaining, BigDecimal budget) {
        double share = budget.signum() == 0 ? 0 : remaining.doubleValue() / budget.doubleValue();
        return String.format(Locale.ROOT, "%.1f", HEIGHT * (1 - share));
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public FundDetails getFund() {
        return fund;
    }
}
