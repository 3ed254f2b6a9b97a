package org.parley.access.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A secrecy change request as its case's secrecy admins see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestView(
        String id,
        String caseId,
        RequestKind kind,
        Tier tier,
        Boolean released,
        GrantTarget grant,
        TeamTarget team,
        RequestStatus status,
        UserRef requestedBy,
        String reason,
        Instant createdAt,
        Instant expiresAt,
        UserRef decidedBy,
        Instant decidedAt,
        String decisionReason,
        Long resultingVersion) {

    /** The grant a GRANT request asks for. */
    public record GrantTarget(String organisation, GrantScope scope, Instant expiresAt) {}

    /** Who a TEAM request would put on the team, and as what. */
    public record TeamTarget(UserRef user, TeamRole role) {}
}
