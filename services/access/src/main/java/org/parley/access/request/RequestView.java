package org.parley.access.request;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.parley.access.directory.UserRef;
import org.parley.policy.GrantScope;
import org.parley.policy.TeamRole;
import org.parley.policy.Tier;

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

    static RequestView of(SecrecyRequest request, Map<String, String> usernames) {
        return new RequestView(
                request.id.toString(),
                request.caseId.toString(),
                request.kind,
                request.targetTier,
                request.targetReleased,
                request.kind == RequestKind.GRANT
                        ? new GrantTarget(request.grantOrganisation, request.grantScope, request.grantExpiresAt)
                        : null,
                request.kind == RequestKind.TEAM
                        ? new TeamTarget(
                                new UserRef(request.teamSubject, usernames.get(request.teamSubject)), request.teamRole)
                        : null,
                request.status,
                new UserRef(request.requestedBy, usernames.get(request.requestedBy)),
                request.reason,
                request.createdAt,
                request.expiresAt,
                request.decidedBy == null ? null : new UserRef(request.decidedBy, usernames.get(request.decidedBy)),
                request.decidedAt,
                request.decisionReason,
                request.resultingVersion);
    }
}
