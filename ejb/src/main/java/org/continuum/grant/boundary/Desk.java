package org.continuum.grant.boundary;

import java.util.List;

public record Desk(List<GrantSummary> awaitingMyDecision, List<GrantSummary> toPay,
                   List<GrantSummary> overdueReports) {
}
