package org.parley.access.casepolicy;

import java.time.Instant;

import org.parley.policy.CasePolicy;
import org.parley.policy.Decision;

/** A case the caller may know exists: its row, its policy and what the caller may see of it, at one instant. */
public record VisibleCase(CaseAccess row, CasePolicy policy, Decision decision, Instant now) {

    public String caseId() {
        return row.caseId.toString();
    }
}
