package org.parley.access.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The caller's work queue in the access service. {@code lastVisit} is null before the first visit; the lists are
 * empty for a role they are not about.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkQueueView(
        Instant lastVisit,
        List<RequestView> requestsToDecide,
        List<GrantView> expiringGrants,
        List<SharedCase> newlyShared) {

    /** Grants expiring within this many days are listed for the secrecy admins of the case's organisation. */
    public static final int EXPIRING_WITHIN_DAYS = 14;

    /** How many items wait: what the console's navigation shows. */
    public int count() {
        return requestsToDecide.size() + expiringGrants.size() + newlyShared.size();
    }

    /** A case whose grant to the caller's organisation was issued since their last visit. */
    public record SharedCase(String caseId, GrantScope scope, Instant sharedAt, Instant expiresAt) {}

    /** The visit just recorded. */
    public record Visit(Instant visitedAt) {}
}
