package org.continuum.grant.boundary;

import java.io.Serializable;
import org.continuum.grant.entity.DecisionKind;
import java.math.BigDecimal;
import java.time.Instant;

public record DecisionView(DecisionKind kind, String decidedBy, Instant decidedAt, BigDecimal amount,
                           BigDecimal exchangeRate, String reason, boolean noConflictDeclared) implements Serializable {
}
