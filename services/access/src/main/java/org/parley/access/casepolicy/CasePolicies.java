package org.parley.access.casepolicy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

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
 * Loads case policies and guards every case endpoint: a case the caller may not know exists (by
 * {@link SecrecyRules#decide}) is answered exactly like one that never existed.
 */
@ApplicationScoped
public class CasePolicies {

    /**
     * The case if the viewer may know it exists; otherwise the standard "never existed" 404. Unknown ids,
     * malformed ids, deleted cases and invisible cases all end in the same exception.
     */
    public VisibleCase visible(String caseId, Viewer viewer) {
        UUID id = parse(caseId);
        // The same three queries whether or not the case exists, so the answer takes the same time.
        CaseAccess row = id == null ? null : CaseAccess.findById(id);
        List<TeamMember> team = id == null ? List.of() : TeamMember.list("caseId", id);
        List<CaseGrant> grants = id == null ? List.of() : activeGrants(id);
        if (row == null || row.deleted) {
            throw Problems.notFoundException("case");
        }
        return decideOrHide(row, policy(row, team, grants), viewer);
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
            throw Problems.notFoundException("case");
        }
        return decideOrHide(row, policyOf(row), viewer);
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

    private static VisibleCase decideOrHide(CaseAccess row, CasePolicy policy, Viewer viewer) {
        Instant now = Instant.now();
        Decision decision = SecrecyRules.decide(viewer, policy, now);
        if (!decision.knowsExists()) {
            throw Problems.notFoundException("case");
        }
        return new VisibleCase(row, policy, decision, now);
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

    private static UUID parse(String caseId) {
        if (caseId == null || caseId.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(caseId);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
