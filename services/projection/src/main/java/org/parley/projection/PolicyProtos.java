package org.parley.projection;

import org.parley.messaging.PoisonEventException;
import org.parley.policy.GrantScope;
import org.parley.policy.TeamRole;
import org.parley.policy.Tier;

/**
 * The policy library's enums and their protobuf twins, both ways, in one place: access writes them into
 * events, the projections read them back. The constants share their names; an unset or unknown value read
 * from an event can never be applied, so it is poison.
 */
public final class PolicyProtos {

    private PolicyProtos() {}

    public static org.parley.proto.v1.Tier toProto(Tier tier) {
        return org.parley.proto.v1.Tier.valueOf(tier.name());
    }

    public static org.parley.proto.v1.GrantScope toProto(GrantScope scope) {
        return org.parley.proto.v1.GrantScope.valueOf(scope.name());
    }

    public static org.parley.proto.v1.TeamRole toProto(TeamRole role) {
        return org.parley.proto.v1.TeamRole.valueOf(role.name());
    }

    public static Tier tierOf(org.parley.proto.v1.Tier tier) {
        return switch (tier) {
            case SECRET -> Tier.SECRET;
            case RESULTS_PUBLIC -> Tier.RESULTS_PUBLIC;
            case PUBLICLY_KNOWN -> Tier.PUBLICLY_KNOWN;
            case TIER_UNSPECIFIED, UNRECOGNIZED -> throw new PoisonEventException("unknown tier");
        };
    }

    public static GrantScope scopeOf(org.parley.proto.v1.GrantScope scope) {
        return switch (scope) {
            case SUMMARY -> GrantScope.SUMMARY;
            case RESULTS -> GrantScope.RESULTS;
            case PROCESS -> GrantScope.PROCESS;
            case EXCERPTS -> GrantScope.EXCERPTS;
            case GRANT_SCOPE_UNSPECIFIED, UNRECOGNIZED -> throw new PoisonEventException("unknown grant scope");
        };
    }

    public static TeamRole teamRoleOf(org.parley.proto.v1.TeamRole role) {
        return switch (role) {
            case LEAD -> TeamRole.LEAD;
            case MEMBER -> TeamRole.MEMBER;
            case TEAM_ROLE_UNSPECIFIED, UNRECOGNIZED -> throw new PoisonEventException("unknown team role");
        };
    }
}
