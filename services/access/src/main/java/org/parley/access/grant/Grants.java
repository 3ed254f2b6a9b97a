package org.parley.access.grant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.parley.access.ApiEnums;
import org.parley.access.api.GrantScope;
import org.parley.access.api.GrantStatus;
import org.parley.access.api.GrantView;
import org.parley.access.api.UserRef;
import org.parley.access.api.WorkQueueView;
import org.parley.access.casepolicy.CaseAccess;
import org.parley.access.casepolicy.CaseGrant;
import org.parley.access.casepolicy.CasePolicies;
import org.parley.access.casepolicy.GrantTargets;
import org.parley.access.casepolicy.PolicyChanges;
import org.parley.access.casepolicy.PolicyPublisher.Actor;
import org.parley.access.casepolicy.VisibleCase;
import org.parley.access.directory.Directory;
import org.parley.access.request.ChangeOutcome;
import org.parley.access.request.SecrecyRequests;
import org.parley.gate.CaseGate;
import org.parley.policy.Action;
import org.parley.policy.RecordIds;
import org.parley.policy.Relationship;
import org.parley.policy.Role;
import org.parley.policy.SecrecyRules;
import org.parley.policy.Viewer;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/**
 * Grants to partner organisations. SUMMARY and RESULTS are issued at once by one secrecy admin; PROCESS
 * and EXCERPTS need a second one, so they file a request. Revoking is immediate. Partners never learn
 * which other organisations hold grants.
 */
@ApplicationScoped
public class Grants {

    private final CasePolicies policies;
    private final PolicyChanges changes;
    private final SecrecyRequests requests;
    private final GrantTargets targets;
    private final Directory directory;
    private final Clock clock;

    @Inject
    public Grants(
            Clock clock,
            CasePolicies policies,
            PolicyChanges changes,
            SecrecyRequests requests,
            GrantTargets targets,
            Directory directory) {
        this.policies = policies;
        this.changes = changes;
        this.requests = requests;
        this.targets = targets;
        this.directory = directory;
        this.clock = clock;
    }

    /** Either the grant issued at once, or the request filed for it. */

    /**
     * Secrecy admins of the owner see every grant with its reasons; the team sees every grant without
     * them; anyone else who may know the case sees only its own organisation's active grants.
     */
    public List<GrantView> list(String caseId, Viewer viewer) {
        VisibleCase visible = policies.visible(caseId, viewer);
        if (CasePolicies.isOwnerAdmin(viewer, visible)) {
            List<CaseGrant> all = CaseGrant.list("caseId = ?1 ORDER BY issuedAt, id", visible.row().caseId);
            Set<String> subjects = new HashSet<>();
            all.forEach(grant -> {
                subjects.add(grant.issuedBy);
                if (grant.approvedBy != null) {
                    subjects.add(grant.approvedBy);
                }
                if (grant.endedBy != null) {
                    subjects.add(grant.endedBy);
                }
            });
            Map<String, String> usernames = directory.usernames(subjects);
            return all.stream().map(grant -> full(grant, usernames)).toList();
        }
        List<CaseGrant> active = CasePolicies.activeGrants(visible.row().caseId).stream()
                .filter(grant -> grant.asPolicyGrant().isActiveAt(visible.now()))
                .toList();
        if (visible.decision().relationship() == Relationship.MEMBER) {
            return active.stream().map(Grants::summary).toList();
        }
        return active.stream()
                .filter(grant -> viewer.belongsTo(grant.organisation))
                .map(Grants::summary)
                .toList();
    }

    /**
     * For a secrecy admin (the work queue): active grants on their organisation's cases that expire between now
     * and {@code now + within}, soonest first, with who issued them; each case checked by the rules, as the grants
     * page is. Empty for anyone else.
     */
    public List<GrantView> expiringOnOwnCases(Viewer viewer, Duration within) {
        if (!viewer.has(Role.SECRECY_ADMIN)) {
            return List.of();
        }
        Instant now = clock.instant();
        List<CaseGrant> expiring = CaseGrant.list(
                "status = ?1 AND expiresAt > ?2 AND expiresAt <= ?3 AND caseId IN (SELECT c.caseId FROM CaseAccess c"
                        + " WHERE c.owningOrganisation = ?4 AND c.deleted = false) ORDER BY expiresAt, id",
                GrantStatus.ACTIVE,
                now,
                now.plus(within),
                viewer.organisation());
        Map<UUID, Boolean> adminOfCase = new HashMap<>();
        List<CaseGrant> visible = expiring.stream()
                .filter(grant -> adminOfCase.computeIfAbsent(
                        grant.caseId,
                        caseId -> SecrecyRules.mayPerform(
                                viewer, policies.policyOf(CaseAccess.findById(caseId)), Action.TIGHTEN_SECRECY, now)))
                .toList();
        Set<String> subjects = new HashSet<>();
        visible.forEach(grant -> subjects.add(grant.issuedBy));
        Map<String, String> usernames = directory.usernames(subjects);
        return visible.stream()
                .map(grant -> view(grant, ref(grant.issuedBy, usernames), null, null, null, null))
                .toList();
    }

    /**
     * For a partner (the work queue): the cases whose grant to their organisation, active and unexpired now, was
     * issued after {@code since} (every active one when {@code since} is null), newest first. A revoked or expired
     * grant is not among them, so neither is its case.
     */
    public List<WorkQueueView.SharedCase> sharedWith(Viewer viewer, Instant since) {
        if (!viewer.has(Role.PARTNER)) {
            return List.of();
        }
        Instant now = clock.instant();
        List<CaseGrant> grants = CaseGrant.list(
                "organisation = ?1 AND status = ?2 AND (expiresAt IS NULL OR expiresAt > ?3) AND issuedAt > ?4"
                        + " AND caseId IN (SELECT c.caseId FROM CaseAccess c WHERE c.deleted = false)"
                        + " ORDER BY issuedAt DESC, id",
                viewer.organisation(),
                GrantStatus.ACTIVE,
                now,
                since == null ? Instant.EPOCH : since);
        return grants.stream()
                .filter(grant -> viewer.belongsTo(grant.organisation))
                .map(grant -> new WorkQueueView.SharedCase(
                        grant.caseId.toString(),
                        ApiEnums.as(GrantScope.class, grant.scope),
                        grant.issuedAt,
                        grant.expiresAt))
                .toList();
    }

    @Transactional
    public ChangeOutcome<GrantView> issue(String caseId, Viewer viewer, NewGrant body) {
        VisibleCase visible = policies.visibleForUpdate(caseId, viewer);
        boolean needsSecondAdmin = body.scope().needsSecondApprover();
        CasePolicies.require(
                viewer,
                visible,
                needsSecondAdmin ? Action.REQUEST_SECRECY_CHANGE : Action.ISSUE_GRANT,
                "Only a secrecy admin of the case's organisation issues grants.");
        targets.check(visible.row(), body.organisation(), body.expiresAt(), visible.now());
        // Checked now to refuse at once what could never replace the organisation's grant; again on approval.
        Optional<CaseGrant> replaced =
                targets.replaced(visible.row(), body.organisation(), body.scope(), body.expiresAt(), visible.now());
        if (needsSecondAdmin) {
            return ChangeOutcome.requested(requests.requestGrant(
                    visible, viewer, body.organisation(), body.scope(), body.expiresAt(), body.reason()));
        }
        CaseGrant grant = changes.issueGrant(
                visible.row(),
                body.organisation(),
                body.scope(),
                body.expiresAt(),
                viewer.subject(),
                null,
                actorOf(viewer),
                body.reason(),
                null,
                replaced);
        return ChangeOutcome.applied(full(grant, directory.usernames(Set.of(viewer.subject()))));
    }

    /** Tightening: immediate, by one secrecy admin. */
    @Transactional
    public GrantView revoke(String caseId, Viewer viewer, String grantId, String reason) {
        VisibleCase visible = policies.visibleForUpdate(caseId, viewer);
        CasePolicies.require(viewer, visible, Action.TIGHTEN_SECRECY, "Only a secrecy admin revokes grants.");
        CaseGrant grant = findOnCase(visible, grantId);
        if (grant.status != GrantStatus.ACTIVE) {
            throw new ProblemException(Problems.conflict("This grant has already ended."));
        }
        changes.revokeGrant(visible.row(), grant, actorOf(viewer), reason);
        Set<String> subjects = new HashSet<>();
        subjects.add(grant.issuedBy);
        subjects.add(viewer.subject());
        if (grant.approvedBy != null) {
            subjects.add(grant.approvedBy);
        }
        return full(grant, directory.usernames(subjects));
    }

    private static CaseGrant findOnCase(VisibleCase visible, String grantId) {
        return RecordIds.parse(grantId)
                .map(id -> CaseGrant.<CaseGrant>findById(id))
                .filter(grant -> grant.caseId.equals(visible.row().caseId))
                .orElseThrow(() -> CaseGate.neverExisted("grant"));
    }

    private static Actor actorOf(Viewer viewer) {
        return new Actor(viewer.subject(), viewer.organisation());
    }

    private static GrantView full(CaseGrant grant, Map<String, String> usernames) {
        return view(
                grant,
                ref(grant.issuedBy, usernames),
                ref(grant.approvedBy, usernames),
                grant.reason,
                ref(grant.endedBy, usernames),
                grant.endReason);
    }

    /** For the team: the grants without who gave them or why. */
    private static GrantView summary(CaseGrant grant) {
        return view(grant, null, null, null, null, null);
    }

    private static GrantView view(
            CaseGrant grant, UserRef issuedBy, UserRef approvedBy, String reason, UserRef endedBy, String endReason) {
        return new GrantView(
                grant.id.toString(),
                grant.caseId.toString(),
                grant.organisation,
                ApiEnums.as(GrantScope.class, grant.scope),
                grant.status,
                grant.expiresAt,
                grant.issuedAt,
                issuedBy,
                approvedBy,
                reason,
                grant.endedAt,
                endedBy,
                endReason);
    }

    private static UserRef ref(String subject, Map<String, String> usernames) {
        return subject == null ? null : new UserRef(subject, usernames.get(subject));
    }
}
