package org.parley.access.casepolicy;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.parley.access.api.GrantStatus;
import org.parley.gate.CaseGate;
import org.parley.gate.PolicySource;
import org.parley.policy.Action;
import org.parley.policy.CasePolicy;
import org.parley.policy.Decision;
import org.parley.policy.Grant;
import org.parley.policy.SecrecyRules;
import org.parley.policy.TeamRole;
import org.parley.policy.Viewer;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/**
 * Access's own case policies, read from its tables (never stale: this is where they are decided), and the
 * guard of every case endpoint through the same {@link CaseGate} as the other services: a case the caller
 * may not know exists is answered exactly like one that never existed.
 */
@ApplicationScoped
public class CasePolicies implements PolicySource {

    private final CaseGate gate;
    private final Clock clock;

    @Inject
    public CasePolicies(CaseGate gate, Clock clock) {
        this.gate = gate;
        this.clock = clock;
    }

    /**
     * The case if the viewer may know it exists; otherwise the standard "never existed" 404. Unknown ids,
     * malformed ids, deleted cases and invisible cases all end in the same exception.
     */
    public VisibleCase visible(String caseId, Viewer viewer) {
        CaseGate.Opened opened = gate.open(viewer, caseId);
        // Already in the persistence context: find() loaded it.
        CaseAccess row = CaseAccess.findById(opened.id());
        return new VisibleCase(row, opened.policy(), opened.decision(), opened.decidedAt());
    }

    /** The same three queries whether or not the case exists, so the answer takes the same time. */
    @Override
    public Optional<CasePolicy> find(UUID caseId) {
        CaseAccess row = CaseAccess.findById(caseId);
        List<TeamMember> team = TeamMember.list("caseId", caseId);
        List<CaseGrant> grants = activeGrants(caseId);
        if (row == null || row.deleted) {
            return Optional.empty();
        }
        return Optional.of(policy(row, team, grants));
    }

    @Override
    public Map<UUID, CasePolicy> findAll(Collection<UUID> caseIds) {
        Map<UUID, CasePolicy> found = new HashMap<>();
        caseIds.forEach(caseId -> find(caseId).ifPresent(policy -> found.put(caseId, policy)));
        return found;
    }

    /** Access decides the policies itself: its copy is the original, never out of date. */
    @Override
    public boolean isStale() {
        return false;
    }

    @Override
    public long retryAfterSeconds() {
        return 1;
    }

    /**
     * Like {@link #visible}, then locks the case row (SELECT ... FOR UPDATE) and decides again on the
     * locked state, so concurrent changes to one case are applied one after another. The visibility
     * check comes first: nobody waits on the lock of a case they may not know.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public VisibleCase visibleForUpdate(String caseId, Viewer viewer) {
        VisibleCase unlocked = visible(caseId, viewer);
        CaseAccess row = lock(unlocked.row().caseId);
        if (row == null || row.deleted) {
            throw CaseGate.neverExisted(CaseGate.CASE);
        }
        CasePolicy policy = policyOf(row);
        Instant now = clock.instant();
        Decision decision = SecrecyRules.decide(viewer, policy, now);
        if (!decision.knowsExists()) {
            throw CaseGate.neverExisted(CaseGate.CASE);
        }
        return new VisibleCase(row, policy, decision, now);
    }
    /**
     * Locks the case row (SELECT ... FOR UPDATE) and reads it fresh; null when the case is unknown. Pending
     * changes are flushed and the persistence context cleared first, so whatever is read after the lock
     * (team, grants) is what other transactions committed, not a copy loaded before.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CaseAccess lock(UUID caseId) {
        CaseAccess.getEntityManager().flush();
        CaseAccess.getEntityManager().clear();
        return CaseAccess.findById(caseId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The policy of a case as the rules need it: team and grants not revoked or marked expired. */
    public CasePolicy policyOf(CaseAccess row) {
        return policy(row, TeamMember.list("caseId", row.caseId), activeGrants(row.caseId));
    }

    public static List<CaseGrant> activeGrants(UUID caseId) {
        return CaseGrant.list("caseId = ?1 AND status = ?2 ORDER BY issuedAt, id", caseId, GrantStatus.ACTIVE);
    }

    /** Whether the viewer is a secrecy admin of the case's owning organisation. */
    public static boolean isOwnerAdmin(Viewer viewer, VisibleCase visible) {
        return SecrecyRules.mayPerform(viewer, visible.policy(), Action.APPROVE_SECRECY_CHANGE, visible.now());
    }

    /** A 403 unless the rules allow the action; only called once the caller may know the case exists. */
    public static void require(Viewer viewer, VisibleCase visible, Action action, String refusal) {
        if (!SecrecyRules.mayPerform(viewer, visible.policy(), action, visible.now())) {
            throw new ProblemException(Problems.forbidden(refusal));
        }
    }

    private static CasePolicy policy(CaseAccess row, List<TeamMember> team, List<CaseGrant> grants) {
        Map<String, TeamRole> roles = new HashMap<>();
        team.forEach(member -> roles.put(member.subject, member.role));
        List<Grant> policyGrants = grants.stream().map(CaseGrant::asPolicyGrant).toList();
        return new CasePolicy(
                row.caseId.toString(),
                row.owningOrganisation,
                row.tier,
                row.resultsReleased,
                roles,
                policyGrants,
                row.policyVersion);
    }
}
