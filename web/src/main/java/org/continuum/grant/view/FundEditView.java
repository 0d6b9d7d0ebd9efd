package org.continuum.grant.view;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.platform.view.ViewActions;
import org.continuum.grant.boundary.FundService;
import org.continuum.grant.entity.GrantCategory;
import org.continuum.platform.view.Messages;

import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A coordinator creates a fund or changes its figures and donor rules; every problem is listed at once. */
@Named
@ViewScoped
public class FundEditView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    FundService funds;

    private String code;
    private boolean existing;
    private String name;
    private String donor;
    private String currency = "EUR";
    private BigDecimal budget;
    private LocalDate periodStart = LocalDate.now(ZoneOffset.UTC);
    private LocalDate periodEnd = LocalDate.now(ZoneOffset.UTC).plusYears(1);
    private BigDecimal ceilingPerGrant;
    private BigDecimal dualApprovalAbove;
    private Integer coFundingPercent = 0;
    private boolean noExileCosts;
    private boolean requiresTargetedForWork;
    private boolean noRetrospective = true;
    private Integer reportDueDays;
    private List<String> categories = new ArrayList<>();

    public void load() {
        if (code == null || code.isBlank()) {
            return;
        }
        ViewActions.run(() -> {
            FundService.FundForm f = funds.form(code);
            existing = true;
            name = f.name();
            donor = f.donor();
            currency = f.currency();
            budget = f.budget();
            periodStart = f.periodStart();
            periodEnd = f.periodEnd();
            ceilingPerGrant = f.ceilingPerGrant();
            dualApprovalAbove = f.dualApprovalAbove();
            coFundingPercent = f.coFundingPercent();
            noExileCosts = f.noExileCosts();
            requiresTargetedForWork = f.requiresTargetedForWork();
            noRetrospective = f.noRetrospective();
            reportDueDays = f.reportDueDays();
            categories = f.categories().stream().map(Enum::name).sorted().collect(
                    java.util.stream.Collectors.toCollection(ArrayList::new));
        });
    }

    public void save() throws IOException {
        Set<GrantCategory> chosen = EnumSet.noneOf(GrantCategory.class);
        categories.forEach(c -> chosen.add(GrantCategory.valueOf(c)));
        String normalised = code == null ? null : code.strip().toUpperCase(Locale.ROOT);
        ViewActions.run(() -> {
            boolean change = funds.exists(normalised);
            String saved = funds.save(new FundService.FundForm(normalised, name, donor,
                    currency == null ? null : currency.strip().toUpperCase(Locale.ROOT), budget, periodStart,
                    periodEnd, ceilingPerGrant, dualApprovalAbove, coFundingPercent == null ? 0 : coFundingPercent,
                    noExileCosts, requiresTargetedForWork, noRetrospective, reportDueDays, chosen));
            Messages.info(change ? "fund.change.proposed" : "fund.saved", saved);
            ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
            ctx.redirect(ctx.getRequestContextPath() + "/app/fund.xhtml?code=" + saved);
        });
    }

    public GrantCategory[] getAllCategories() {
        return GrantCategory.values();
    }

    public boolean isExisting() {
        return existing;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDonor() {
        return donor;
    }

    public void setDonor(String donor) {
        this.donor = donor;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public BigDecimal getBudget() {
        return budget;
    }

    public void setBudget(BigDecimal budget) {
        this.budget = budget;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public void setPeriodStart(LocalDate periodStart) {
        this.periodStart = periodStart;
    }

    public LocalDate getPeriodEnd() {
        return periodEnd;
    }

    public void setPeriodEnd(LocalDate periodEnd) {
        this.periodEnd = periodEnd;
    }

    public BigDecimal getCeilingPerGrant() {
        return ceilingPerGrant;
    }

    public void setCeilingPerGrant(BigDecimal ceilingPerGrant) {
        this.ceilingPerGrant = ceilingPerGrant;
    }

    public BigDecimal getDualApprovalAbove() {
        return dualApprovalAbove;
    }

    public void setDualApprovalAbove(BigDecimal dualApprovalAbove) {
        this.dualApprovalAbove = dualApprovalAbove;
    }

    public Integer getCoFundingPercent() {
        return coFundingPercent;
    }

    public void setCoFundingPercent(Integer coFundingPercent) {
        this.coFundingPercent = coFundingPercent;
    }

    public boolean isNoExileCosts() {
        return noExileCosts;
    }

    public void setNoExileCosts(boolean noExileCosts) {
        this.noExileCosts = noExileCosts;
    }

    public boolean isRequiresTargetedForWork() {
        return requiresTargetedForWork;
    }

    public void setRequiresTargetedForWork(boolean requiresTargetedForWork) {
        this.requiresTargetedForWork = requiresTargetedForWork;
    }

    public boolean isNoRetrospective() {
        return noRetrospective;
    }

    public void setNoRetrospective(boolean noRetrospective) {
        this.noRetrospective = noRetrospective;
    }

    public Integer getReportDueDays() {
        return reportDueDays;
    }

    public void setReportDueDays(Integer reportDueDays) {
        this.reportDueDays = reportDueDays;
    }

    public List<String> getCategories() {
        return categories;
    }

    public void setCategories(List<String> categories) {
        this.categories = categories;
    }
}
