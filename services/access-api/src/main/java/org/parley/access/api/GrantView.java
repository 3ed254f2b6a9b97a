package org.parley.access.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A grant. Secrecy admins of the owner see who issued and ended it and why; a grantee sees only what the
 * grant gives it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GrantView(
        String id,
        String caseId,
        String organisation,
        GrantScope scope,
        GrantStatus status,
        Instant expiresAt,
        Instant issuedAt,
        UserRef issuedBy,
        UserRef approvedBy,
        String reason,
        Instant endedAt,
        UserRef endedBy,
        String endReason) {}
