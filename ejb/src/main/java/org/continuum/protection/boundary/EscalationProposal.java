package org.continuum.protection.boundary;

import org.continuum.casefile.entity.RelocationScope;
import java.util.List;

public record EscalationProposal(RelocationScope scope, String justification, List<EvidenceGiven> evidence) {
    @Override
    public String toString() {
        return "EscalationProposal[" + scope + "]";
    }
}
