package org.parley.access.team;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.parley.access.casepolicy.CasePolicies;
import org.parley.access.casepolicy.PolicyChanges;
import org.parley.access.casepolicy.PolicyPublisher.Actor;
import org.parley.access.casepolicy.TeamMember;
import org.parley.access.casepolicy.VisibleCase;
import org.parley.access.directory.Directory;
import org.parley.access.directory.DirectoryUser;
import org.parley.access.directory.UserRef;
import org.parley.policy.Action;
import org.parley.policy.Relationship;
import org.parley.policy.Role;
import org.parley.policy.SecrecyRules;
import org.parley.policy.TeamRole;
import org.parley.policy.Viewer;
import org.parley.web.Problem;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/** Case teams: the lead or a secrecy admin adds staff of the owning organisation and removes anyone, at once. */
@ApplicationScoped
public class Teams {

    @Inject
    CasePolicies policies;

    @Inject
    PolicyChanges changes;

    @Inject
    Directory directory;

    /** For the team and the owner's secrecy admins; others who know the case get a 403. */
    public TeamView team(String caseId, Viewer viewer) {
        VisibleCase visible = policies.visible(caseId, viewer);
        if (visible.decision().relationship() != Relationship.MEMBER && !CasePolicies.isOwnerAdmin(viewer, visible)) {
            throw new ProblemException(Problems.forbidden("Only the case team and its secrecy admins see the team."));
        }
        return view(visible);
    }

    @Transactional
    public TeamView put(String caseId, Viewer viewer, TeamChange change) {
        VisibleCase visible = policies.visibleForUpdate(caseId, viewer);
        CasePolicies.require(viewer, visible, Action.MANAGE_TEAM, "Only the lead or a secrecy admin manages the team.");
        DirectoryUser user = directory.resolve(blankToNull(change.username()), blankToNull(change.subject()));
        String field = change.subject() != null && !change.subject().isBlank() ? "subject" : "username";
        if (!user.organisation.equals(visible.row().owningOrganisation)
                || !user.roleSet().contains(Role.STAFF)) {
            throw new ProblemException(Problems.invalid(List.of(
                    new Problem.FieldError(field, "only staff of the case's organisation can be on its team"))));
        }
        if (visible.policy().team().get(user.subject) != change.role()) {
            changes.putMember(visible.row(), user.subject, change.role(), actorOf(viewer), change.reason());
        }
        return view(visible);
    }

    /** Tightening: immediate. {@code who} is a subject on the team, or the username of one. */
    @Transactional
    public TeamView remove(String caseId, Viewer viewer, String who, String reason) {
        VisibleCase visible = policies.visibleForUpdate(caseId, viewer);
        CasePolicies.require(viewer, visible, Action.MANAGE_TEAM, "Only the lead or a secrecy admin manages the team.");
        List<TeamMember> team = TeamMember.list("caseId", visible.row().caseId);
        TeamMember member = team.stream()
                .filter(candidate -> candidate.subject.equals(who))
                .findFirst()
                .or(() -> directory
                        .byUsername(who)
                        .flatMap(user -> team.stream()
                                .filter(candidate -> candidate.subject.equals(user.subject))
                                .findFirst()))
                .orElseThrow(() -> Problems.notFoundException("team member"));
        changes.removeMember(visible.row(), member, actorOf(viewer), reason);
        // The team as it now stands, shown to the one who changed it (even if they removed themselves).
        return view(visible);
    }

    private TeamView view(VisibleCase visible) {
        List<TeamMember> team = TeamMember.list("caseId", visible.row().caseId);
        team.sort(Comparator.comparing((TeamMember member) -> member.role).thenComparing(member -> member.subject));
        List<DirectoryUser> organisationUsers = directory.ofOrganisation(visible.row().owningOrganisation);
        Instant now = Instant.now();
        List<DirectoryUser> admins = organisationUsers.stream()
                .filter(user ->
                        SecrecyRules.mayPerform(user.asViewer(), visible.policy(), Action.APPROVE_SECRECY_CHANGE, now))
                .toList();
        Set<String> subjects = new HashSet<>();
        team.forEach(member -> subjects.add(member.subject));
        Map<String, String> usernames = directory.usernames(subjects);
        UserRef lead = null;
        List<TeamView.Member> members = new ArrayList<>();
        for (TeamMember member : team) {
            if (member.role == TeamRole.LEAD && lead == null) {
                lead = new UserRef(member.subject, usernames.get(member.subject));
            }
            members.add(
                    new TeamView.Member(member.subject, usernames.get(member.subject), member.role, member.addedAt));
        }
        return new TeamView(
                visible.caseId(),
                visible.row().policyVersion,
                lead,
                members,
                admins.stream()
                        .map(user -> new UserRef(user.subject, user.username))
                        .toList());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Actor actorOf(Viewer viewer) {
        return new Actor(viewer.subject(), viewer.organisation());
    }
}
