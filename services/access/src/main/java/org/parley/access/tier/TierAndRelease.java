package org.parley.access.tier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.parley.access.ApiEnums;
import org.parley.access.api.AccessView;
import org.parley.access.casepolicy.CaseAccess;
import org.parley.access.casepolicy.CasePolicies;
import org.parley.access.casepolicy.PolicyChanges;
import org.parley.access.casepolicy.PolicyPublisher.Actor;
import org.parley.access.casepolicy.VisibleCase;
import org.parley.access.request.ChangeOutcome;
import org.parley.access.request.SecrecyRequests;
import org.parley.policy.Action;
import org.parley.policy.Relationship;
import org.parley.policy.SecrecyRules;
import org.parley.policy.Tier;
import org.parley.policy.Viewer;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/**
 * A case's tier and release. Tightening (a stricter tier, un-releasing) takes effect at once by one
 * secrecy admin; loosening files a request a different admin must approve.
 */
@ApplicationScoped
public class TierAndRelease {

    private final CasePolicies policies;
    private final PolicyChanges changes;
    private final SecrecyRequests requests;

    @Inject
    public TierAndRelease(CasePolicies policies, PolicyChanges changes, SecrecyRequests requests) {
        this.policies = policies;
        this.changes = changes;
        this.requests = requests;
    }

    /** For members and secrecy admins of the owner; others who know the case get a 403. */
    public AccessView access(String caseId, Viewer viewer) {
        VisibleCase visible = policies.visible(caseId, viewer);
        if (visible.decision().relationship() != Relationship.MEMBER && !CasePolicies.isOwnerAdmin(viewer, visible)) {
            throw new ProblemException(
                    Problems.forbidden("Only the case team and its secrecy admins see its access settings."));
        }
        return view(visible.row());
    }

    @Transactional
    public ChangeOutcome<AccessView> changeTier(String caseId, Viewer viewer, Tier target, String reason) {
        VisibleCase visible = policies.visibleForUpdate(caseId, viewer);
        Tier from = visible.row().tier;
        boolean released = visible.row().resultsReleased;
        if (SecrecyRules.isLoosening(from, released, target, released)) {
            CasePolicies.require(
                    viewer, visible, Action.REQUEST_SECRECY_CHANGE, "Only a secrecy admin may ask to loosen the tier.");
            return ChangeOutcome.requested(requests.requestTier(visible, viewer, target, reason));
        }
        CasePolicies.require(viewer, visible, Action.TIGHTEN_SECRECY, "Only a secrecy admin may change the tier.");
        if (target != from) {
            changes.setTier(visible.row(), target, actorOf(viewer), reason, null);
        }
        return ChangeOutcome.applied(view(visible.row()));
    }

    @Transactional
    public ChangeOutcome<AccessView> changeRelease(String caseId, Viewer viewer, boolean target, String reason) {
        VisibleCase visible = policies.visibleForUpdate(caseId, viewer);
        Tier tier = visible.row().tier;
        boolean from = visible.row().resultsReleased;
        if (SecrecyRules.isLoosening(tier, from, tier, target)) {
            CasePolicies.require(
                    viewer, visible, Action.REQUEST_SECRECY_CHANGE, "Only a secrecy admin may ask to release results.");
            return ChangeOutcome.requested(requests.requestRelease(visible, viewer, reason));
        }
        CasePolicies.require(
                viewer, visible, Action.TIGHTEN_SECRECY, "Only a secrecy admin may change the release of results.");
        if (target != from) {
            changes.setReleased(visible.row(), target, actorOf(viewer), reason, null);
        }
        return ChangeOutcome.applied(view(visible.row()));
    }

    private static Actor actorOf(Viewer viewer) {
        return new Actor(viewer.subject(), viewer.organisation());
    }

    private static AccessView view(CaseAccess row) {
        return new AccessView(
                row.caseId.toString(),
                ApiEnums.as(org.parley.access.api.Tier.class, row.tier),
                row.resultsReleased,
                row.policyVersion);
    }
}
