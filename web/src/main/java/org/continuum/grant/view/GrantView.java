package org.continuum.grant.view;

import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.continuum.grant.boundary.Decision;
import org.continuum.grant.boundary.GrantDetails;
import org.continuum.grant.boundary.GrantService;
import org.continuum.grant.entity.DecisionKind;
import org.continuum.grant.entity.Disbursement;
import org.continuum.grant.entity.DisbursementMethod;
import org.continuum.identity.boundary.ReauthenticationService;
import org.continuum.identity.view.StepUpForm;
import org.continuum.platform.view.Messages;
import org.continuum.platform.view.ViewActions;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One grant: its facts, the fund's rules as they apply now, the full history of decisions and payments, and the one
 * action the caller may take at this step (decide, pay a tranche, record the report). Approving or paying asks for
 * the password again; a change made meanwhile by someone else is reported, never applied twice.
 */
@Named
@ViewScoped
public class GrantView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    GrantService grants;

    @Inject
    ReauthenticationService reauth;

    private String id;
    private GrantDetails details;

    private final StepUpForm stepUpForm = new StepUpForm();
    private DecisionKind decision;
    private BigDecimal approvedAmount;
    private BigDecimal exchangeRate;
    private String reason;
    private boolean noConflict;

    private BigDecimal trancheAmount;
    private DisbursementMethod method;
    private String paymentReference;
    private String proofOfReceipt;
    private LocalDate paidOn = LocalDate.now(ZoneOffset.UTC);

    private String reportNote;

    public void load() {
        if (!ViewActions.load("grant.notAvailable", id, grantId -> {
            details = grants.grant(grantId);
            exchangeRate = details.exchangeRate() == null ? BigDecimal.ONE : details.exchangeRate();
            trancheAmount = details.nextTranche();
        })) {
            details = null;
        }
    }

    public void decide() {
        if (details == null || !stepUp()) {
            return;
        }
        if (decision == null) {
            Messages.error("grant.decision.kind.required");
            return;
        }
        act(() -> grants.decide(details.summary().id(), new Decision(decision, approvedAmount,
                exchangeRate, reason, noConflict)), "grant.decided");
    }

    public void disburse() {
        if (details == null || !stepUp()) {
            return;
        }
        act(() -> grants.disburse(details.summary().id(), trancheAmount,
                new Disbursement.Payment(method, paymentReference, proofOfReceipt, paidOn)), "grant.disbursed");
    }

    public void reportReceived() {
        if (details == null) {
            return;
        }
        act(() -> grants.reportReceived(details.summary().id(), reportNote), "grant.reportRecorded");
    }

    private boolean stepUp() {
        return stepUpForm.passed(details.stepUpNeeded(), reauth, "grant.reauth.failed");
    }

    private void act(Runnable action, String doneKey) {
        String reference = details.summary().reference();
        try {
            ViewActions.run("grant.notAvailable", () -> {
                action.run();
                Messages.info(doneKey, reference);
                reason = null;
                paymentReference = null;
                proofOfReceipt = null;
                reportNote = null;
                id = String.valueOf(details.summary().id());
                load();
            });
        } catch (EJBException concurrent) {
            // Someone else decided or paid at the same moment: their change stands, ours was rolled back.
            Messages.error("grant.changedMeanwhile");
            load();
        }
    }

    /** A fund-rule problem in the reader's language. */
    public String problem(String key) {
        return Messages.format(key);
    }

    public DecisionKind[] getDecisionKinds() {
        return DecisionKind.values();
    }

    public DisbursementMethod[] getMethods() {
        return DisbursementMethod.values();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public GrantDetails getDetails() {
        return details;
    }


    public StepUpForm getStepUp() {
        return stepUpForm;
    }

    public DecisionKind getDecision() {
        return decision;
    }

    public void setDecision(DecisionKind decision) {
        this.decision = decision;
    }

    public BigDecimal getApprovedAmount() {
        return approvedAmount;
    }

    public void setApprovedAmount(BigDecimal approvedAmount) {
        this.approvedAmount = approvedAmount;
    }

    public BigDecimal getExchangeRate() {
        return exchangeRate;
    }

    public void setExchangeRate(BigDecimal exchangeRate) {
        this.exchangeRate = exchangeRate;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public boolean isNoConflict() {
        return noConflict;
    }

    public void setNoConflict(boolean noConflict) {
        this.noConflict = noConflict;
    }

    public BigDecimal getTrancheAmount() {
        return trancheAmount;
    }

    public void setTrancheAmount(BigDecimal trancheAmount) {
        this.trancheAmount = trancheAmount;
    }

    public DisbursementMethod getMethod() {
        return method;
    }

    public void setMethod(DisbursementMethod method) {
        this.method = method;
    }

    public String getPaymentReference() {
        return paymentReference;
    }

    public void setPaymentReference(String paymentReference) {
        this.paymentReference = paymentReference;
    }

    public String getProofOfReceipt() {
        return proofOfReceipt;
    }

    public void setProofOfReceipt(String proofOfReceipt) {
        this.proofOfReceipt = proofOfReceipt;
    }

    public LocalDate getPaidOn() {
        return paidOn;
    }

    public void setPaidOn(LocalDate paidOn) {
        this.paidOn = paidOn;
    }

    public String getReportNote() {
        return reportNote;
    }

    public void setReportNote(String reportNote) {
        this.reportNote = reportNote;
    }
}
