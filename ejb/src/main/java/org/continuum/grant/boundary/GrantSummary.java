package org.continuum.grant.boundary;

import java.io.Serializable;
import org.continuum.grant.entity.EmergencyGrant;
import org.continuum.grant.entity.GrantCategory;
import org.continuum.grant.entity.GrantStatus;
import org.continuum.identity.entity.Role;
import org.continuum.identity.entity.UserAccount;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One grant in a list (case page, desk, fund page). */
public record GrantSummary(long id, String reference, long caseFileId, String caseReference, String fundCode,
                           String fundName, GrantCategory category, GrantStatus status, BigDecimal amount,
                           String currency, BigDecimal approvedInFundCurrency, String fundCurrency,
                           Instant recommendedAt, LocalDate reportDueOn, boolean reportOverdue,
                           boolean awaitingMyDecision) implements Serializable {

    /** A grant as {@code reader} sees it in a list: whether it awaits their decision is theirs to know. */
    static GrantSummary of(EmergencyGrant g, String caseReference, UserAccount reader, LocalDate today) {
        return new GrantSummary(g.getId(), g.getReference(), g.getCaseFileId(), caseReference, g.getFund().getCode(),
                g.getFund().getName(), g.getCategory(), g.getStatus(), g.getAmount(), g.getCurrency(),
                g.getApprovedInFundCurrency(), g.getFund().getCurrency(), g.getRecommendedAt(), g.getReportDueOn(),
                g.isReportLate(today),
                g.mayBeDecidedBy(reader.getUsername()) && reader.hasRole(Role.COORDINATOR));
    }
}
