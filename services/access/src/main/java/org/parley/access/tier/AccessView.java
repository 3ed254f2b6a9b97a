package org.parley.access.tier;

import org.parley.access.casepolicy.CaseAccess;
import org.parley.policy.Tier;

/** A case's tier and release at a policy version. */
public record AccessView(String caseId, Tier tier, boolean released, long version) {

    static AccessView of(CaseAccess row) {
        return new AccessView(row.caseId.toString(), row.tier, row.resultsReleased, row.policyVersion);
    }
}
