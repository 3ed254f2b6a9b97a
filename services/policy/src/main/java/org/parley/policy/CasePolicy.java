package org.parley.policy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What the rules need to know about one case: who owns it, its tier, whether its results are
 * released, its team and its grants, at a policy version. Services keep it as a local projection.
 */
public record CasePolicy(
        String caseId,
        String owningOrganisation,
        Tier tier,
        boolean resultsReleased,
        Map<String, TeamRole> team,
        List<Grant> grants,
        long version) {

    public CasePolicy {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(owningOrganisation, "owningOrganisation");
        Objects.requireNonNull(tier, "tier");
        team = Map.copyOf(team);
        grants = List.copyOf(grants);
    }

    /** A case as it is born: SECRET, unreleased, its creator the lead, no grants (section 1). */
    public static CasePolicy newCase(String caseId, String owningOrganisation, String leadSubject) {
        return new CasePolicy(
                caseId, owningOrganisation, Tier.SECRET, false, Map.of(leadSubject, TeamRole.LEAD), List.of(), 1);
    }

    /** This policy with one more grant, at the same version: what a dry run asks ("and if it also held this?"). */
    public CasePolicy withGrant(Grant grant) {
        List<Grant> widened = new java.util.ArrayList<>(grants);
        widened.add(grant);
        return new CasePolicy(caseId, owningOrganisation, tier, resultsReleased, team, widened, version);
    }

    public boolean isLead(@Nullable String subject) {
        return subject != null && team.get(subject) == TeamRole.LEAD;
    }

    public boolean isOnTeam(@Nullable String subject) {
        return subject != null && team.containsKey(subject);
    }

    /** The widest scope among the organisation's active grants, or null when it has none. */
    public @Nullable GrantScope activeScopeFor(@Nullable String organisation, Instant now) {
        GrantScope widest = null;
        for (int i = 0; i < grants.size(); i++) { // indexed: no iterator per decision (see SecrecyRules.Rule)
            Grant grant = grants.get(i);
            if (grant.organisation().equals(organisation)
                    && grant.isActiveAt(now)
                    && (widest == null || grant.scope().covers(widest))) {
                widest = grant.scope();
            }
        }
        return widest;
    }
}
