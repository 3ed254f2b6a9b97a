package org.parley.access.grant;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.parley.access.casepolicy.CaseGrant;
import org.parley.access.casepolicy.GrantStatus;
import org.parley.access.directory.UserRef;
import org.parley.policy.GrantScope;

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
        String endReason) {

    static GrantView full(CaseGrant grant, Map<String, String> usernames) {
        return new GrantView(
                grant.id.toString(),
                grant.caseId.toString(),
                grant.organisation,
                grant.scope,
                grant.status,
                grant.expiresAt,
                grant.issuedAt,
                ref(grant.issuedBy, usernames),
                ref(grant.approvedBy, usernames),
                grant.reason,
                grant.endedAt,
                ref(grant.endedBy, usernames),
                grant.endReason);
    }

    /** For the team: the grants without who gave them or why. */
    static GrantView summary(CaseGrant grant) {
        return new GrantView(
                grant.id.toString(),
                grant.caseId.toString(),
                grant.organisation,
                grant.scope,
                grant.status,
                grant.expiresAt,
                grant.issuedAt,
                null,
                null,
                null,
                grant.endedAt,
                null,
                null);
    }

    private static UserRef ref(String subject, Map<String, String> usernames) {
        return subject == null ? null : new UserRef(subject, usernames.get(subject));
    }
}
