package org.parley.interviews.access;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.parley.gate.CaseGate;
import org.parley.gate.PolicySource;
import org.parley.policy.Action;
import org.parley.policy.CasePolicy;
import org.parley.policy.InterviewAccess;
import org.parley.policy.RecordIds;
import org.parley.policy.SecrecyRules;
import org.parley.policy.Viewer;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/**
 * The one decision about an interview named in a path: the strictest linked case governs
 * ({@link InterviewAccess#decide}). It asks the service's {@link CaseGate} for the answers every service
 * shares: an id that is unknown, malformed or invisible gets the same "never existed" answer; while the
 * policies may be out of date everyone gets the same 503 for every id, known or not, members too (a stale copy
 * may still list someone access removed).
 */
@ApplicationScoped
public class InterviewGate {

    private final EntityManager entityManager;
    private final PolicySource policies;
    private final CaseGate cases;
    private final Clock clock;

    @Inject
    public InterviewGate(EntityManager entityManager, PolicySource policies, CaseGate cases, Clock clock) {
        this.entityManager = entityManager;
        this.policies = policies;
        this.cases = cases;
        this.clock = clock;
    }

    /** An interview the caller may act on, with its linked cases (in link order) and their policies. */
    public record Admitted(UUID id, InterviewAccess access, List<CasePolicy> cases) {
        public String firstCaseId() {
            return cases.get(0).caseId();
        }
    }

    /** Admits the caller with {@code needed} access, or ends the request with the answer for "no". */
    public Admitted admit(Viewer viewer, String rawId, InterviewAccess needed) {
        Optional<UUID> id = RecordIds.parse(rawId);
        // A malformed id costs the same lookups as a well-formed unknown one (a random id matches nothing).
        List<CasePolicy> linked = linkedPolicies(id.orElseGet(UUID::randomUUID));
        InterviewAccess access = linked.isEmpty() ? InterviewAccess.NONE : accessTo(viewer, linked);
        refuseUnlessExcerpts(access, "interview");
        if (access == InterviewAccess.CONTENT || needed == InterviewAccess.EXCERPTS) {
            return new Admitted(id.orElseThrow(), access, linked);
        }
        throw new ProblemException(Problems.forbidden("Your organisation's grant covers approved excerpts only."));
    }

    /**
     * Admits the caller to the approved excerpts of a case's interviews: members, and partners whose grant
     * covers excerpts. Everyone else, and any unknown or malformed id, gets the same "never existed" answer;
     * while the policies are stale, everyone gets 503.
     */
    public CasePolicy admitCaseExcerpts(Viewer viewer, String rawCaseId) {
        Optional<CasePolicy> policy = policies.find(RecordIds.parse(rawCaseId).orElseGet(UUID::randomUUID));
        refuseUnlessExcerpts(policy.map(p -> accessTo(viewer, List.of(p))).orElse(InterviewAccess.NONE), "case");
        return policy.orElseThrow();
    }

    /**
     * Admits a secrecy admin of the case's owning organisation (who decides on its grants); whoever else may
     * know the case gets a 403, everyone else and any unknown or malformed id the never-existed 404.
     */
    public CasePolicy admitOwnerSecrecyAdmin(Viewer viewer, String rawCaseId) {
        Optional<CasePolicy> policy = policies.find(RecordIds.parse(rawCaseId).orElseGet(UUID::randomUUID));
        cases.refuseWhileStale();
        Instant now = clock.instant();
        if (policy.isEmpty() || !SecrecyRules.decide(viewer, policy.get(), now).knowsExists()) {
            throw CaseGate.neverExisted("case");
        }
        if (!SecrecyRules.mayPerform(viewer, policy.get(), Action.REQUEST_SECRECY_CHANGE, now)) {
            throw new ProblemException(
                    Problems.forbidden("Only a secrecy admin of the case's organisation decides on its grants."));
        }
        return policy.get();
    }

    /** The refusals both doors share: the stale 503 first (for every id), then the never-existed 404. */
    private void refuseUnlessExcerpts(InterviewAccess access, String resourceKind) {
        cases.refuseWhileStale();
        if (access == InterviewAccess.NONE) {
            throw CaseGate.neverExisted(resourceKind);
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
     * Whether the caller may link an interview to this case: it exists and they may
     * {@link Action#LINK_INTERVIEW} it. The caller answers alike for unknown and invisible cases.
     */
    public boolean mayLink(Viewer viewer, UUID caseId) {
        cases.refuseWhileStale();
        return policies.find(caseId)
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
        List<UUID> linked = entityManager
                .createNativeQuery("SELECT case_id FROM interview_case_link WHERE interview_id = ?1 ORDER BY position")
                .setParameter(1, interviewId)
                .getResultList();
        if (linked.isEmpty()) {
            // The same policy lookup as for an interview that exists, so the answer for an unknown id
            // does not come back measurably sooner than the one for an invisible id.
            policies.findAll(List.of(UUID.randomUUID()));
            return List.of();
        }
        Map<UUID, CasePolicy> found = policies.findAll(linked);
        List<CasePolicy> ordered = new ArrayList<>();
        for (UUID caseId : linked) {
            CasePolicy policy = found.get(caseId);
            if (policy == null) {
                return List.of();
            }
            ordered.add(policy);
        }
        return ordered;
    }
}
