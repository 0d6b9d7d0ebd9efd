package org.continuum.grant.view;

import jakarta.faces.context.ExternalContext;
import org.continuum.grant.boundary.GrantSummary;
import org.continuum.grant.boundary.FundView;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.platform.view.ViewActions;
import org.continuum.casefile.boundary.CaseDetails;
import org.continuum.casefile.boundary.CaseFileService;
import org.continuum.grant.boundary.GrantService;
import org.continuum.grant.entity.EmergencyGrant;
import org.continuum.grant.entity.GrantCategory;
import org.continuum.platform.view.Messages;

import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** The case staff's grant recommendation: fund, category, amount, purpose; every broken fund rule listed at once. */
@Named
@ViewScoped
public class GrantRequestView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    GrantService grants;

    @Inject
    CaseFileService cases;

    private String caseId;
    private CaseDetails caseFile;
    private List<FundView> funds = List.of();

    private Long fundId;
    private GrantCategory category;
    private Integer continuumStep = 1;
    private String purpose;
    private BigDecimal amount;
    private String currency = "EUR";
    private BigDecimal totalCost;
    private BigDecimal indicativeRate = BigDecimal.ONE;
    private LocalDate costsFrom = LocalDate.now(ZoneOffset.UTC);
    private Integer tranches = 1;
    private boolean targetedForWork;
    private boolean notFundedElsewhere;

    public void load() {
        if (!ViewActions.load("case.notAvailable", caseId, id -> {
            caseFile = cases.view(id);
            funds = grants.fundsForRequest();
        })) {
            caseFile = null;
        }
    }

    public FundView getSelectedFund() {
        return funds.stream().filter(f -> fundId != null && f.id() == fundId).findFirst().orElse(null);
    }

    public void submit() throws IOException {
        if (caseFile == null) {
            Messages.error("case.notAvailable");
            return;
        }
        if (fundId == null) {
            Messages.error("grant.fund.required");
            return;
        }
        ViewActions.run("case.notAvailable", () -> {
            GrantSummary grant = grants.request(caseFile.id(), fundId, new EmergencyGrant.Request(
                    category, continuumStep == null ? 0 : continuumStep, purpose, amount,
                    currency == null ? null : currency.strip().toUpperCase(java.util.Locale.ROOT),
                    totalCost == null ? amount : totalCost, costsFrom, tranches == null ? 0 : tranches,
                    targetedForWork, notFundedElsewhere, indicativeRate));
            Messages.info("grant.requested", grant.reference());
            ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
            ctx.redirect(ctx.getRequestContextPath() + "/app/grant.xhtml?id=" + grant.id());
        });
    }

    public GrantCategory[] getCategories() {
        return GrantCategory.values();
    }

    public String getCaseId() {
        return caseId;
    }

    public void setCaseId(String caseId) {
        this.caseId = caseId;
    }

    public CaseDetails getCaseFile() {
        return caseFile;
    }

    public List<FundView> getFunds() {
        return funds;
    }

    public Long getFundId() {
        return fundId;
    }

    public void setFundId(Long fundId) {
        this.fundId = fundId;
    }

    public GrantCategory getCategory() {
        return category;
    }

    public void setCategory(GrantCategory category) {
        this.category = category;
    }

    public Integer getContinuumStep() {
        return continuumStep;
    }

    public void setContinuumStep(Integer continuumStep) {
        this.continuumStep = continuumStep;
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public BigDecimal getTotalCost() {
        return totalCost;
    }

    public void setTotalCost(BigDecimal totalCost) {
        this.totalCost = totalCost;
    }

    public BigDecimal getIndicativeRate() {
        return indicativeRate;
    }

    public void setIndicativeRate(BigDecimal indicativeRate) {
        this.indicativeRate = indicativeRate;
    }

    public LocalDate getCostsFrom() {
        return costsFrom;
    }

    public void setCostsFrom(LocalDate costsFrom) {
        this.costsFrom = costsFrom;
    }

    public Integer getTranches() {
        return tranches;
    }

    public void setTranches(Integer tranches) {
        this.tranches = tranches;
    }

    public boolean isTargetedForWork() {
        return targetedForWork;
    }

    public void setTargetedForWork(boolean targetedForWork) {
        this.targetedForWork = targetedForWork;
    }

    public boolean isNotFundedElsewhere() {
        return notFundedElsewhere;
    }

    public void setNotFundedElsewhere(boolean notFundedElsewhere) {
        this.notFundedElsewhere = notFundedElsewhere;
    }
}
