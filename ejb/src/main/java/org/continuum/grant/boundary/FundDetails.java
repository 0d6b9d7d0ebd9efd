package org.continuum.grant.boundary;

import java.util.List;

public record FundDetails(FundView fund, List<GrantSummary> grants, int grantsOfOtherTeams) {
}
