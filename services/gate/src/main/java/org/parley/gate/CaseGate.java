package org.parley.gate;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.policy.CasePolicy;
import org.parley.policy.Decision;
import org.parley.policy.RecordIds;
import org.parley.policy.SecrecyRules;
import org.parley.policy.Viewer;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/**
 * The one door to a single case, in every service. A case the viewer may not know exists, a deleted one,
 * an unknown id and a malformed id all end in the same "never existed" answer. While the policies may be
 * out of date everyone gets the same 503, whatever the id, members too (a stale copy may still list someone
 * access already removed), so staleness cannot tell an existing case from a missing one either.
 */
@ApplicationScoped
public class CaseGate {

    public static final String CASE = "case";

    private final PolicySource policies;
    private final Clock clock;

    @Inject
    public CaseGate(PolicySource policies, Clock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    /** A case the viewer may know exists, with the decision taken for them at {@code decidedAt}. */
    public record Opened(UUID id, CasePolicy policy, Decision decision, Instant decidedAt) {}

    /** Opens the case named by a raw id, or ends the request with the stale or the never-existed answer. */
    public Opened open(Viewer viewer, String rawId) {
        refuseWhileStale();
        Optional<UUID> id = RecordIds.parse(rawId);
        Optional<CasePolicy> policy = policies.find(id.orElseGet(UUID::randomUUID));
        if (id.isEmpty() || policy.isEmpty()) {
            throw neverExisted(CASE);
        }
        Instant now = clock.instant();
        Decision decision = SecrecyRules.decide(viewer, policy.get(), now);
        if (!decision.knowsExists()) {
            throw neverExisted(CASE);
        }
        return new Opened(id.get(), policy.get(), decision, now);
    }

    /** Every decision from the policies waits while they may miss a removal or a revocation. */
    public void refuseWhileStale() {
        if (policies.isStale()) {
            throw stale();
        }
    }

    public boolean isStale() {
        return policies.isStale();
    }

    /** The answer while the policies may be out of date: the same text in every service. */
    public ProblemException stale() {
        return new ProblemException(
                Problems.unavailable("Access rules are being refreshed; try again shortly."),
                policies.retryAfterSeconds());
    }

    /** The answer for anything the caller may not know exists: byte for byte the one for an unknown id. */
    public static ProblemException neverExisted(String resourceKind) {
        return Problems.notFoundException(resourceKind);
    }
}
