package org.parley.access.request;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.parley.access.AccessConfig;
import org.parley.access.ApiEnums;
import org.parley.access.api.RequestKind;
import org.parley.access.api.RequestStatus;
import org.parley.access.api.RequestView;
import org.parley.access.api.UserRef;
import org.parley.access.casepolicy.CaseAccess;
import org.parley.access.casepolicy.CasePolicies;
import org.parley.access.casepolicy.GrantTargets;
import org.parley.access.casepolicy.PolicyChanges;
import org.parley.access.casepolicy.PolicyPublisher;
import org.parley.access.casepolicy.PolicyPublisher.Actor;
import org.parley.access.casepolicy.VisibleCase;
import org.parley.access.directory.Directory;
import org.parley.gate.CaseGate;
import org.parley.policy.Action;
import org.parley.policy.CasePolicy;
import org.parley.policy.GrantScope;
import org.parley.policy.RecordIds;
import org.parley.policy.Role;
import org.parley.policy.SecrecyRules;
import org.parley.policy.TeamRole;
import org.parley.policy.Tier;
import org.parley.policy.Viewer;
import org.parley.proto.v1.SecrecyChangeApproved;
import org.parley.proto.v1.SecrecyChangeRejected;
import org.parley.proto.v1.SecrecyChangeRequested;
import org.parley.proto.v1.SecrecyChangeWithdrawn;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/**
 * The two-person rule (docs/secrecy-model.md §5): a loosening change is a request by one secrecy admin
 * that a different secrecy admin of the owning organisation approves or rejects. Approval is decided
 * under the case's row lock with a conditional update of the request, so however many approvals race,
 * exactly one applies the change.
 */
@ApplicationScoped
public class SecrecyRequests {

    static final String KIND = "secrecy request";

    private final Clock clock;
    private final CasePolicies policies;
    private final PolicyChanges changes;
    private final PolicyPublisher publisher;
    private final GrantTargets grantTargets;
    private final Directory directory;
    private final AccessConfig config;

    @Inject
    public SecrecyRequests(
            Clock clock,
            CasePolicies policies,
            PolicyChanges changes,
            PolicyPublisher publisher,
            GrantTargets grantTargets,
            Directory directory,
            AccessConfig config) {
        this.clock = clock;
        this.policies = policies;
        this.changes = changes;
        this.publisher = publisher;
        this.grantTargets = grantTargets;
        this.directory = directory;
        this.config = config;
    }

    /** A request and its case, which the caller may know exists. */
    record Visible(SecrecyRequest request, VisibleCase visibleCase) {}

    /** Files a request to loosen the tier; the caller has checked that it loosens and that the viewer may ask. */
    @Transactional(Transactional.TxType.MANDATORY)
    public RequestView requestTier(VisibleCase visible, Viewer requester, Tier tier, String reason) {
        SecrecyRequest request = new SecrecyRequest();
        request.kind = RequestKind.TIER;
        request.targetTier = tier;
        return file(request, visible, requester, reason);
    }

    /** Files a request to release the results; the caller has checked that the viewer may ask. */
    @Transactional(Transactional.TxType.MANDATORY)
    public RequestView requestRelease(VisibleCase visible, Viewer requester, String reason) {
        SecrecyRequest request = new SecrecyRequest();
        request.kind = RequestKind.RELEASE;
        request.targetReleased = true;
        return file(request, visible, requester, reason);
    }

    /** Files a request for a grant that needs a second admin; the caller has checked the target and the viewer. */
    @Transactional(Transactional.TxType.MANDATORY)
    public RequestView requestGrant(
            VisibleCase visible,
            Viewer requester,
            String organisation,
            GrantScope scope,
            Instant expiresAt,
            String reason) {
        SecrecyRequest request = new SecrecyRequest();
        request.kind = RequestKind.GRANT;
        request.grantOrganisation = organisation;
        request.grantScope = scope;
        request.grantExpiresAt = expiresAt;
        return file(request, visible, requester, reason);
    }

    /**
     * Files a request to put {@code subject} on the team as {@code role}; the caller has checked with
     * {@link SecrecyRules#teamAddition} that it needs a second admin and that the subject is staff of the
     * owning organisation.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public RequestView requestTeamAddition(
            VisibleCase visible, Viewer requester, String subject, TeamRole role, String reason) {
        SecrecyRequest request = new SecrecyRequest();
        request.kind = RequestKind.TEAM;
        request.teamSubject = subject;
        request.teamRole = role;
        return file(request, visible, requester, reason);
    }

    private RequestView file(SecrecyRequest request, VisibleCase visible, Viewer requester, String reason) {
        request.id = UUID.randomUUID();
        request.caseId = visible.row().caseId;
        request.requestedBy = requester.subject();
        request.reason = reason;
        request.status = RequestStatus.PENDING;
        request.createdAt = clock.instant();
        request.expiresAt = request.createdAt.plus(config.requestTtl());
        request.persist();
        String kind = request.kind.name();
        String target = request.target();
        UUID id = request.id;
        publisher.notice(
                request.caseId,
                actorOf(requester),
                envelope -> envelope.setSecrecyChangeRequested(SecrecyChangeRequested.newBuilder()
                        .setRequestId(id.toString())
                        .setKind(kind)
                        .setTarget(target)));
        return view(request);
    }

    /** The caller's organisation's requests, for its secrecy admins; optionally only those with one status. */
    public List<RequestView> list(Viewer viewer, RequestStatus status) {
        if (!viewer.has(Role.SECRECY_ADMIN)) {
            throw new ProblemException(Problems.forbidden("Only secrecy admins see secrecy change requests."));
        }
        List<SecrecyRequest> requests = status == null
                ? SecrecyRequest.list(
                        "caseId IN (SELECT c.caseId FROM CaseAccess c WHERE c.owningOrganisation = ?1"
                                + " AND c.deleted = false) ORDER BY createdAt DESC",
                        viewer.organisation())
                : SecrecyRequest.list(
                        "caseId IN (SELECT c.caseId FROM CaseAccess c WHERE c.owningOrganisation = ?1"
                                + " AND c.deleted = false) AND status = ?2 ORDER BY createdAt DESC",
                        viewer.organisation(),
                        status);
        Instant now = clock.instant();
        Map<UUID, Boolean> mayApproveOnCase = new HashMap<>();
        List<SecrecyRequest> visible = new ArrayList<>();
        for (SecrecyRequest request : requests) {
            boolean admin = mayApproveOnCase.computeIfAbsent(request.caseId, caseId -> {
                CaseAccess row = CaseAccess.findById(caseId);
                return SecrecyRules.mayPerform(viewer, policies.policyOf(row), Action.APPROVE_SECRECY_CHANGE, now);
            });
            if (admin) {
                visible.add(request);
            }
        }
        return views(visible);
    }

    /**
     * The pending, unexpired requests this secrecy admin may decide now (the work queue): on their organisation's
     * cases, never their own, never one that would put them on a team. Empty for anyone else.
     */
    public List<RequestView> waitingFor(Viewer viewer) {
        if (!viewer.has(Role.SECRECY_ADMIN)) {
            return List.of();
        }
        Instant now = clock.instant();
        List<SecrecyRequest> pending = SecrecyRequest.list(
                "caseId IN (SELECT c.caseId FROM CaseAccess c WHERE c.owningOrganisation = ?1 AND c.deleted = false)"
                        + " AND status = ?2 AND expiresAt > ?3 ORDER BY createdAt DESC",
                viewer.organisation(),
                RequestStatus.PENDING,
                now);
        Map<UUID, CasePolicy> policyOfCase = new HashMap<>();
        List<SecrecyRequest> waiting = new ArrayList<>();
        for (SecrecyRequest request : pending) {
            CasePolicy policy = policyOfCase.computeIfAbsent(
                    request.caseId, caseId -> policies.policyOf(CaseAccess.findById(caseId)));
            if (SecrecyRules.mayApprove(viewer, policy, request.requestedBy, now)
                    && (request.kind != RequestKind.TEAM
                            || SecrecyRules.mayApproveTeamAddition(
                                    viewer, policy, request.requestedBy, request.teamSubject, now))) {
                waiting.add(request);
            }
        }
        return views(waiting);
    }

    public RequestView get(String requestId, Viewer viewer) {
        return view(visibleToAdmin(requestId, viewer).request());
    }

    @Transactional
    public RequestView approve(String requestId, Viewer approver, String reason) {
        Visible found = visibleToAdmin(requestId, approver);
        SecrecyRequest request = found.request();
        requireSecondAdmin(approver, found.visibleCase().policy(), request, "approve");

        CaseAccess row = policies.lock(request.caseId);
        if (row == null || row.deleted) {
            throw Problems.notFoundException(KIND);
        }
        CasePolicy locked = policies.policyOf(row);
        requireSecondAdmin(approver, locked, request, "approve");
        Instant now = clock.instant();
        decide(request.id, RequestStatus.APPROVED, approver, reason, now);
        if (request.kind == RequestKind.GRANT) {
            // The expiry may have passed while the request waited: then nothing is approved (rolled back).
            grantTargets.check(row, request.grantOrganisation, request.grantExpiresAt, now);
        }
        if (request.kind == RequestKind.TEAM
                && directory
                        .staffOf(row.owningOrganisation, null, request.teamSubject)
                        .isEmpty()) {
            // Only staff of the owner join its teams; whoever left the staff meanwhile is not added (rolled back).
            throw new ProblemException(Problems.conflict(
                    "The person this request would add is no longer staff of the case's organisation."));
        }

        request = SecrecyRequest.findById(request.id);
        Actor actor = actorOf(approver);
        UUID id = request.id;
        publisher.notice(
                row.caseId,
                actor,
                envelope -> envelope.setSecrecyChangeApproved(
                        SecrecyChangeApproved.newBuilder().setRequestId(id.toString())));
        switch (request.kind) {
            case TIER -> {
                if (row.tier != request.targetTier) {
                    changes.setTier(row, request.targetTier, actor, request.reason, request.id);
                }
            }
            case RELEASE -> {
                if (row.resultsReleased != request.targetReleased) {
                    changes.setReleased(row, request.targetReleased, actor, request.reason, request.id);
                }
            }
            case GRANT ->
                changes.issueGrant(
                        row,
                        request.grantOrganisation,
                        request.grantScope,
                        request.grantExpiresAt,
                        request.requestedBy,
                        approver.subject(),
                        actor,
                        request.reason,
                        request.id,
                        // The organisation's grants may have changed while the request waited (a 409 rolls back).
                        grantTargets.replaced(
                                row, request.grantOrganisation, request.grantScope, request.grantExpiresAt, now));
            case TEAM -> {
                if (locked.team().get(request.teamSubject) != request.teamRole) {
                    changes.putMember(row, request.teamSubject, request.teamRole, actor, request.reason, request.id);
                }
            }
        }
        request.resultingVersion = row.policyVersion;
        return view(request);
    }

    @Transactional
    public RequestView reject(String requestId, Viewer admin, String reason) {
        Visible found = visibleToAdmin(requestId, admin);
        SecrecyRequest request = found.request();
        requireSecondAdmin(admin, found.visibleCase().policy(), request, "reject");
        String id = request.id.toString();
        return end(
                request,
                RequestStatus.REJECTED,
                admin,
                reason,
                envelope -> envelope.setSecrecyChangeRejected(
                        SecrecyChangeRejected.newBuilder().setRequestId(id)));
    }

    /**
     * The requester ends their own pending request (WITHDRAWN): afterwards nobody can approve or reject it. Anyone
     * who may handle the request but did not file it gets the answer for a request they may not see (it is not
     * theirs to withdraw); a caller who may not handle it gets what every other verb answers them.
     */
    @Transactional
    public RequestView withdraw(String requestId, Viewer requester, String reason) {
        SecrecyRequest request = visibleToAdmin(requestId, requester).request();
        if (!request.requestedBy.equals(requester.subject())) {
            throw Problems.notFoundException(KIND);
        }
        String id = request.id.toString();
        return end(
                request,
                RequestStatus.WITHDRAWN,
                requester,
                reason,
                envelope -> envelope.setSecrecyChangeWithdrawn(
                        SecrecyChangeWithdrawn.newBuilder().setRequestId(id)));
    }

    /** Ends a pending request without a change (rejected, withdrawn), with its event, and answers it as it is now. */
    private RequestView end(
            SecrecyRequest request,
            RequestStatus outcome,
            Viewer by,
            String reason,
            java.util.function.Consumer<org.parley.proto.v1.Envelope.Builder> event) {
        decide(request.id, outcome, by, reason, clock.instant());
        publisher.notice(request.caseId, actorOf(by), event);
        SecrecyRequest.getEntityManager().refresh(request);
        return view(request);
    }

    /** Marks pending requests whose time is up; returns how many. */
    @Transactional
    public int expirePending() {
        return SecrecyRequest.getEntityManager()
                .createNativeQuery("UPDATE secrecy_request SET status = 'EXPIRED', decided_at = now()"
                        + " WHERE status = 'PENDING' AND expires_at <= now()")
                .executeUpdate();
    }

    /**
     * The request if the caller may know its case and is a secrecy admin of the owner. An unknown id and a
     * request on a case the caller may not know are the same 404; a caller who knows the case but is not
     * its secrecy admin gets a 403.
     */
    Visible visibleToAdmin(String requestId, Viewer viewer) {
        SecrecyRequest request = find(requestId);
        VisibleCase visible;
        try {
            visible = policies.visible(request.caseId.toString(), viewer);
        } catch (ProblemException hidden) {
            throw Problems.notFoundException(KIND);
        }
        if (!CasePolicies.isOwnerAdmin(viewer, visible)) {
            throw new ProblemException(Problems.forbidden(
                    "Only secrecy admins of the case's organisation handle" + " its secrecy change requests."));
        }
        return new Visible(request, visible);
    }

    /** Applies the change a request asks for to a copy of the policy, for a dry run. */
    static CasePolicy afterApproval(CasePolicy before, SecrecyRequest request) {
        Tier tier = request.kind == RequestKind.TIER ? request.targetTier : before.tier();
        boolean released = request.kind == RequestKind.RELEASE ? request.targetReleased : before.resultsReleased();
        List<org.parley.policy.Grant> grants = new ArrayList<>(before.grants());
        if (request.kind == RequestKind.GRANT) {
            grants.add(
                    new org.parley.policy.Grant(request.grantOrganisation, request.grantScope, request.grantExpiresAt));
        }
        Map<String, TeamRole> team = new HashMap<>(before.team());
        if (request.kind == RequestKind.TEAM) {
            if (request.teamRole == TeamRole.LEAD) {
                // As PolicyChanges.putMember: a case has one lead, the previous one becomes a member.
                team.replaceAll((subject, role) -> role == TeamRole.LEAD ? TeamRole.MEMBER : role);
            }
            team.put(request.teamSubject, request.teamRole);
        }
        return new CasePolicy(
                before.caseId(), before.owningOrganisation(), tier, released, team, grants, before.version() + 1);
    }

    private static SecrecyRequest find(String requestId) {
        return RecordIds.parse(requestId)
                .map(id -> SecrecyRequest.<SecrecyRequest>findById(id))
                .orElseThrow(() -> CaseGate.neverExisted(KIND));
    }

    private void requireSecondAdmin(Viewer viewer, CasePolicy policy, SecrecyRequest request, String verb) {
        Instant now = clock.instant();
        if (!SecrecyRules.mayApprove(viewer, policy, request.requestedBy, now)) {
            throw new ProblemException(Problems.forbidden(
                    "A different secrecy admin than the requester must " + verb + " a secrecy change."));
        }
        if (request.kind == RequestKind.TEAM
                && !SecrecyRules.mayApproveTeamAddition(
                        viewer, policy, request.requestedBy, request.teamSubject, now)) {
            throw new ProblemException(
                    Problems.forbidden("Nobody decides on a request that would put them on the team."));
        }
    }

    /** The one transition out of PENDING: a conditional update, so only one decision can win. */
    private static void decide(UUID id, RequestStatus outcome, Viewer by, String reason, Instant now) {
        int updated = SecrecyRequest.getEntityManager()
                .createNativeQuery("UPDATE secrecy_request SET status = ?1, decided_by = ?2, decided_at = ?3,"
                        + " decision_reason = ?4 WHERE id = ?5 AND status = 'PENDING' AND expires_at > ?3")
                .setParameter(1, outcome.name())
                .setParameter(2, by.subject())
                .setParameter(3, now)
                .setParameter(4, reason)
                .setParameter(5, id)
                .executeUpdate();
        if (updated == 0) {
            throw new ProblemException(
                    Problems.conflict("This request is no longer pending: it was decided, withdrawn or it expired."));
        }
    }

    private RequestView view(SecrecyRequest request) {
        return views(List.of(request)).get(0);
    }

    private List<RequestView> views(List<SecrecyRequest> requests) {
        Set<String> subjects = new HashSet<>();
        requests.forEach(request -> {
            subjects.add(request.requestedBy);
            if (request.decidedBy != null) {
                subjects.add(request.decidedBy);
            }
            if (request.teamSubject != null) {
                subjects.add(request.teamSubject);
            }
        });
        Map<String, String> usernames = directory.usernames(subjects);
        return requests.stream().map(request -> view(request, usernames)).toList();
    }

    static Actor actorOf(Viewer viewer) {
        return new Actor(viewer.subject(), viewer.organisation());
    }

    private static RequestView view(SecrecyRequest request, Map<String, String> usernames) {
        return new RequestView(
                request.id.toString(),
                request.caseId.toString(),
                request.kind,
                ApiEnums.as(org.parley.access.api.Tier.class, request.targetTier),
                request.targetReleased,
                request.kind == RequestKind.GRANT
                        ? new RequestView.GrantTarget(
                                request.grantOrganisation,
                                ApiEnums.as(org.parley.access.api.GrantScope.class, request.grantScope),
                                request.grantExpiresAt)
                        : null,
                request.kind == RequestKind.TEAM
                        ? new RequestView.TeamTarget(
                                new UserRef(request.teamSubject, usernames.get(request.teamSubject)),
                                ApiEnums.as(org.parley.access.api.TeamRole.class, request.teamRole))
                        : null,
                request.status,
                new UserRef(request.requestedBy, usernames.get(request.requestedBy)),
                request.reason,
                request.createdAt,
                request.expiresAt,
                request.decidedBy == null ? null : new UserRef(request.decidedBy, usernames.get(request.decidedBy)),
                request.decidedAt,
                request.decisionReason,
                request.resultingVersion);
    }
}
