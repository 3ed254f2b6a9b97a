package org.parley.cases.visibility;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.messaging.projection.PolicyProjection;
import org.parley.policy.CasePolicy;
import org.parley.policy.Decision;
import org.parley.policy.SecrecyRules;
import org.parley.policy.Viewer;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/**
 * The one door to a single case: finds its policy in the local projection and decides for the viewer.
 * A case the viewer may not know exists, a deleted one, an unknown id and a malformed id all end in the
 * same "never existed" problem. While the projection is stale, everyone gets the same 503, whatever the id:
 * so staleness cannot tell an existing case from a missing one either. Members too: the stale copy may still
 * list someone access has already removed from the team.
 */
@ApplicationScoped
public class CaseAccess {

    public static final String KIND = "case";

    @Inject
    PolicyProjection projection;

    /** A case the viewer may know exists, with the decision taken for them. */
    public record Opened(UUID id, CasePolicy policy, Decision decision, Instant decidedAt) {}

    public Opened open(Viewer viewer, String rawId) {
        if (projection.isStale()) {
            throw stale();
        }
        Optional<UUID> id = parse(rawId);
        Optional<CasePolicy> policy = id.flatMap(uuid -> projection.find(uuid.toString()));
        if (policy.isEmpty()) {
            throw Problems.notFoundException(KIND);
        }
        Instant now = Instant.now();
        Decision decision = SecrecyRules.decide(viewer, policy.get(), now);
        if (!decision.knowsExists()) {
            throw Problems.notFoundException(KIND);
        }
        return new Opened(id.get(), policy.get(), decision, now);
    }

    public boolean isStale() {
        return projection.isStale();
    }

    /** The answer while this service cannot be sure its copy of the policies is current. */
    public ProblemException stale() {
        return new ProblemException(
                Problems.unavailable("Access decisions are being refreshed; try again shortly."),
                projection.retryAfterSeconds());
    }

    private static Optional<UUID> parse(String rawId) {
        if (rawId == null || rawId.length() != 36) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(rawId);
            // UUID.fromString accepts some non-canonical forms; only the canonical one names a case.
            return id.toString().equalsIgnoreCase(rawId) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
