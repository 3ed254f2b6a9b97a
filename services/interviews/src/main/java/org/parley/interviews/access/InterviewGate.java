package org.parley.interviews.access;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.parley.messaging.projection.PolicyProjection;
import org.parley.policy.Action;
import org.parley.policy.CasePolicy;
import org.parley.policy.InterviewAccess;
import org.parley.policy.SecrecyRules;
import org.parley.policy.Viewer;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/**
 * The one decision about an interview named in a path: the strictest linked case governs
 * ({@link InterviewAccess#decide}). An id that is unknown, malformed or invisible gets the same
 * "never existed" answer; while the projection is stale, everyone gets 503 for every id, known or not, so the
 * two answers cannot be told apart either. Members too: a stale copy may still list someone access removed.
 */
@ApplicationScoped
public class InterviewGate {

    @Inject
    EntityManager entityManager;

    @Inject
    PolicyProjection projection;

    @Inject
    ProjectionFreshness freshness;

    Clock clock = Clock.systemUTC();

    /** An interview the caller may act on, with its linked cases (in link order) and their policies. */
    public record Admitted(UUID id, InterviewAccess access, List<CasePolicy> cases) {
        public String firstCaseId() {
            return cases.get(0).caseId();
        }
    }

    /** Admits the caller with {@code needed} access, or ends the request with the answer for "no". */
    public Admitted admit(Viewer viewer, String rawId, InterviewAccess needed) {
        UUID id = parse(rawId);
        // A malformed id costs the same lookups as a well-formed unknown one (a random id matches nothing).
        List<CasePolicy> cases = linkedPolicies(id == null ? UUID.randomUUID() : id);
        InterviewAccess access = cases.isEmpty() ? InterviewAccess.NONE : accessTo(viewer, cases);
        refuseUnlessExcerpts(access, "interview");
        if (access == InterviewAccess.CONTENT || needed == InterviewAccess.EXCERPTS) {
            return new Admitted(id, access, cases);
        }
        throw new ProblemException(Problems.forbidden("Your organisation's grant covers approved excerpts only."));
    }

    /**
     * Admits the caller to the approved excerpts of a case's interviews: members, and partners whose grant
     * covers excerpts. Everyone else, and any unknown or malformed id, gets the same "never existed" answer;
     * while the projection is stale, everyone gets 503.
     */
    public CasePolicy admitCaseExcerpts(Viewer viewer, String rawCaseId) {
        UUID caseId = parse(rawCaseId);
        CasePolicy policy = projection
                .find(caseId == null ? UUID.randomUUID().toString() : caseId.toString())
                .orElse(null);
        refuseUnlessExcerpts(policy == null ? InterviewAccess.NONE : accessTo(viewer, List.of(policy)), "case");
        return policy;
    }

    /**
     * The refusals both doors share: 503 for everyone while the projection is stale (for every id, known or
     * not; no stale membership is trusted), then the one "never existed" 404 without access.
     */
    private void refuseUnlessExcerpts(InterviewAccess access, String resourceKind) {
        refuseWhileStale();
        if (access == InterviewAccess.NONE) {
            throw Problems.notFoundException(resourceKind);
        }
    }

    /** Every decision from the projection waits while it is stale: it may miss a removal or a revocation. */
    public void refuseWhileStale() {
        if (freshness.isStale()) {
            throw stale();
        }
    }

    /** The caller's access to an interview, given its linked cases' policies. */
    public InterviewAccess accessTo(Viewer viewer, List<CasePolicy> linkedCases) {
        return InterviewAccess.decide(viewer, linkedCases, clock.instant());
    }

    /** Whether the caller is lead of every linked case: who may approve excerpts for sharing. */
    public boolean leadsEveryCase(Viewer viewer, Admitted interview) {
        return interview.cases().stream()
                .allMatch(policy -> SecrecyRules.mayPerform(viewer, policy, Action.APPROVE_EXCERPT, clock.instant()));
    }

    /**
     * Whether the caller may link an interview to this case: it exists in the projection and they may
     * {@link Action#LINK_INTERVIEW} it. The caller answers alike for unknown and invisible cases.
     */
    public boolean mayLink(Viewer viewer, String caseId) {
        refuseWhileStale();
        if (parse(caseId) == null) {
            return false;
        }
        return projection
                .find(caseId)
                .map(policy -> SecrecyRules.mayPerform(viewer, policy, Action.LINK_INTERVIEW, clock.instant()))
                .orElse(false);
    }

    /**
     * The policies of the interview's linked cases, in link order; empty when the interview does not
     * exist, and also when any linked case is missing from the projection (deleted or never heard of):
     * a case nobody may be allowed on makes the interview visible to nobody.
     */
    @SuppressWarnings("unchecked")
    public List<CasePolicy> linkedPolicies(UUID interviewId) {
        List<Object> linked = entityManager
                .createNativeQuery("SELECT CAST(case_id AS text) FROM interview_case_link WHERE interview_id = ?1"
                        + " ORDER BY position")
                .setParameter(1, interviewId)
                .getResultList();
        if (linked.isEmpty()) {
            // The same projection lookups as for an interview that exists, so the answer for an unknown id
            // does not come back measurably sooner than the one for an invisible id.
            projection.findAll(List.of(UUID.randomUUID().toString()));
            return List.of();
        }
        List<String> caseIds = new ArrayList<>();
        linked.forEach(value -> caseIds.add((String) value));
        Map<String, CasePolicy> policies = projection.findAll(caseIds);
        List<CasePolicy> ordered = new ArrayList<>();
        for (String caseId : caseIds) {
            CasePolicy policy = policies.get(caseId);
            if (policy == null) {
                return List.of();
            }
            ordered.add(policy);
        }
        return ordered;
    }

    public ProblemException stale() {
        return new ProblemException(
                Problems.unavailable("Access rules are being refreshed; try again shortly."),
                freshness.retryAfterSeconds());
    }

    public static UUID parse(String raw) {
        if (raw == null || raw.length() != 36) {
            return null;
        }
        try {
            UUID id = UUID.fromString(raw);
            // UUID.fromString accepts odd forms; only the canonical one names a record.
            return id.toString().equalsIgnoreCase(raw) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
