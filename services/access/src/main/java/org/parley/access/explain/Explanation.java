package org.parley.access.explain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.parley.access.directory.UserView;
import org.parley.policy.GrantScope;
import org.parley.policy.Relationship;
import org.parley.policy.Section;
import org.parley.policy.TeamRole;
import org.parley.policy.Tier;

/** What one user may see of one case, and what gives it to them. */
public record Explanation(
        String caseId,
        long policyVersion,
        Tier tier,
        boolean released,
        UserView user,
        Relationship relationship,
        boolean knowsExists,
        Set<Section> sections,
        boolean excerpts,
        List<Basis> because,
        Set<Section> publicSections) {

    /**
     * One reason for the access: a team membership, the secrecy-admin role, a grant, or the public
     * register (the tier and release alone).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Basis(
            String kind,
            TeamRole teamRole,
            String role,
            String organisation,
            String grantId,
            GrantScope scope,
            Instant expiresAt,
            Set<Section> sections) {}
}
