package org.continuum.grant.boundary;

import java.io.Serializable;
import java.util.List;

public record Desk(List<GrantSummary> awaitingMyDecision, List<GrantSummary> toPay,
                   List<GrantSummary> overdueReports) implements Serializable {
}
