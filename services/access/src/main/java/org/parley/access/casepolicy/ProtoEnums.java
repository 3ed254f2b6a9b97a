package org.parley.access.casepolicy;

import org.parley.policy.GrantScope;
import org.parley.policy.TeamRole;
import org.parley.policy.Tier;

/** The policy library's enums as their protobuf twins (same constant names). */
public final class ProtoEnums {

    private ProtoEnums() {}

    public static org.parley.proto.v1.Tier tier(Tier tier) {
        return org.parley.proto.v1.Tier.valueOf(tier.name());
    }

    public static org.parley.proto.v1.GrantScope scope(GrantScope scope) {
        return org.parley.proto.v1.GrantScope.valueOf(scope.name());
    }

    public static org.parley.proto.v1.TeamRole role(TeamRole role) {
        return org.parley.proto.v1.TeamRole.valueOf(role.name());
    }
}
