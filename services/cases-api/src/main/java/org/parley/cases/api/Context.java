package org.parley.cases.api;

import java.util.List;

/** The CONTEXT section as the service answers it: who negotiates, with which groups, after which precedents. */
public record Context(
        NegotiatingEntity negotiatingEntity, List<CriminalGroup> criminalGroups, List<String> precedents) {

    public record NegotiatingEntity(EntityType type, String name, RelativeStrength relativeStrength, String notes) {}

    public record CriminalGroup(
            String name,
            GroupType type,
            InternalControl internalControl,
            String territorialControl,
            String communityRelation) {}
}
