package org.parley.access.explain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.access.casepolicy.CaseGrant;
import org.parley.access.casepolicy.CasePolicies;
import org.parley.access.casepolicy.VisibleCase;
import org.parley.access.directory.Directory;
import org.parley.access.directory.DirectoryUser;
import org.parley.access.directory.UserView;
import org.parley.policy.CasePolicy;
import org.parley.policy.Decision;
import org.parley.policy.Role;
import org.parley.policy.SecrecyRules;
import org.parley.policy.Section;
import org.parley.policy.Viewer;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/** Explains a decision of {@link SecrecyRules#decide} for one user of the directory, for the owner's secrecy admins. */
@ApplicationScoped
public class Explainer {

    private final CasePolicies policies;
    private final Directory directory;

    @Inject
    public Explainer(CasePolicies policies, Directory directory) {
        this.policies = policies;
        this.directory = directory;
    }

    public Explanation explain(String caseId, Viewer viewer, String user) {
        VisibleCase visible = policies.visible(caseId, viewer);
        if (!CasePolicies.isOwnerAdmin(viewer, visible)) {
            throw new ProblemException(Problems.forbidden("Only secrecy admins of the case's organisation see this."));
        }
        DirectoryUser target = directory.resolve(user);
        Viewer asSeen = target.asViewer();
        CasePolicy policy = visible.policy();
        Decision decision = SecrecyRules.decide(asSeen, policy, visible.now());
        Set<Section> publicSections = SecrecyRules.publicSections(policy.tier(), policy.resultsReleased());

        List<Explanation.Basis> because = new ArrayList<>();
        if (policy.isOnTeam(asSeen.subject())) {
            because.add(new Explanation.Basis(
                    "MEMBERSHIP", policy.team().get(asSeen.subject()), null, null, null, null, null, null));
        }
        if (CasePolicies.isOwnerAdmin(asSeen, visible)) {
            because.add(new Explanation.Basis(
                    "ROLE",
                    null,
                    Role.SECRECY_ADMIN.claimValue(),
                    policy.owningOrganisation(),
                    null,
                    null,
                    null,
                    null));
        }
        for (CaseGrant grant : CasePolicies.activeGrants(visible.row().caseId)) {
            if (asSeen.belongsTo(grant.organisation) && grant.asPolicyGrant().isActiveAt(visible.now())) {
                because.add(new Explanation.Basis(
                        "GRANT",
                        null,
                        null,
                        grant.organisation,
                        grant.id.toString(),
                        grant.scope,
                        grant.expiresAt,
                        grant.scope.sections()));
            }
        }
        if (!publicSections.isEmpty()) {
            because.add(new Explanation.Basis(
                    "PUBLIC_REGISTER", null, null, null, null, null, null, sorted(publicSections)));
        }
        return new Explanation(
                visible.caseId(),
                policy.version(),
                policy.tier(),
                policy.resultsReleased(),
                UserView.of(target),
                decision.relationship(),
                decision.knowsExists(),
                sorted(decision.sections()),
                decision.excerpts(),
                because,
                sorted(publicSections));
    }

    private static Set<Section> sorted(Set<Section> sections) {
        return sections.isEmpty() ? EnumSet.noneOf(Section.class) : EnumSet.copyOf(sections);
    }
}
