package org.continuum.grant.boundary;

import org.continuum.grant.entity.DecisionKind;
import java.math.BigDecimal;

/** A coordinator's decision: amount (partial approval) in the request's currency and the rate fixed now. */
public record Decision(DecisionKind kind, BigDecimal approvedAmount, BigDecimal exchangeRate, String reason,
                       boolean noConflictDeclared) {
}
