package org.continuum.grant.boundary;

import java.io.Serializable;
import java.util.List;

public record FundDetails(FundView fund, List<GrantSummary> grants, int grantsOfOtherTeams) implements Serializable {
}
