package org.parley.access.team;

import java.time.Clock;
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

import org.parley.access.ApiEnums;
import org.parley.access.api.TeamView;
import org.parley.access.api.UserRef;
import org.parley.access.casepolicy.CasePolicies;
import org.parley.access.casepolicy.PolicyChanges;
import org.parley.access.casepolicy.PolicyPublisher.Actor;
import org.parley.access.casepolicy.TeamMember;
import org.parley.access.casepolicy.VisibleCase;
import org.parley.access.directory.Directory;
import org.parley.access.directory.DirectoryUser;
import org.parley.access.request.ChangeOutcome;
import org.parley.access.request.SecrecyRequests;
import org.parley.policy.Action;
import org.parley.policy.Relationship;
import org.parley.policy.SecrecyRules;
import org.parley.policy.TeamRole;
import org.parley.policy.Viewer;
import org.parley.web.Problem;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/**
 * Case teams. The lead puts staff of the owning organisation on the team at once; a secrecy admin who is
 * not the lead asks and a second admin approves (a loosening for the person who joins). The lead or a
 * secrecy admin changes roles and takes anyone off, at once.
 */
@ApplicationScoped
public class Teams {

    private final Clock clock;
    private final CasePolicies policies;
    private final PolicyChanges changes;
    private final Directory directory;
    private final SecrecyRequests requests;

    @Inject
    public Teams(
            Clock clock, CasePolicies policies, PolicyChanges changes, Directory directory, SecrecyRequests requests) {
        this.clock = clock;
        this.policies = policies;
        this.changes = changes;
        this.directory = directory;
        this.requests = requests;
    }

    /** For the team and the owner's secrecy admins; others who know the case get a 403. */
    public TeamView team(String caseId, Viewer viewer) {
        VisibleCase visible = policies.visible(caseId, viewer);
        if (visible.decision().relationship() != Relationship.MEMBER && !CasePolicies.isOwnerAdmin(viewer, visible)) {
            throw new ProblemException(Problems.forbidden("Only the case team and its secrecy admins see the team."));
        }
        return view(visible);
    }

    /** Either the team after an immediate change (or none), or the request that was filed. */

    /**
     * Puts a staff member of the case's organisation on its team (docs/secrecy-model.md §5): the lead at
     * once; a secrecy admin who is not the lead, adding herself above all, files a request a second admin
     * approves; a change of role for someone already on the team is immediate by either.
     */
    @Transactional
    public ChangeOutcome<TeamView> put(String caseId, Viewer viewer, TeamChange change) {
        VisibleCase visible = policies.visibleForUpdate(caseId, viewer);
        // Who may ask at all is settled before the named person is looked up, so nobody else learns anything.
        CasePolicies.require(viewer, visible, Action.MANAGE_TEAM, "Only the lead or a secrecy admin manages the team.");
        String username = blankToNull(change.username());
        String subject = blankToNull(change.subject());
        DirectoryUser user = directory
                .staffOf(visible.row().owningOrganisation, username, subject)
                .orElseThrow(() -> notStaff(subject != null ? "subject" : "username"));
        return switch (SecrecyRules.teamAddition(viewer, visible.policy(), user.subject, visible.now())) {
            case AT_ONCE -> {
                if (visible.policy().team().get(user.subject) != change.role()) {
                    changes.putMember(
                            visible.row(), user.subject, change.role(), actorOf(viewer), change.reason(), null);
                }
                yield ChangeOutcome.applied(view(visible));
            }
            case NEEDS_SECOND_ADMIN ->
                ChangeOutcome.requested(
                        requests.requestTeamAddition(visible, viewer, user.subject, change.role(), change.reason()));
            case REFUSED ->
                throw new ProblemException(Problems.forbidden("Only the case's lead adds people to its team."));
        };
    }

    /**
     * The one answer for a name or subject that is not staff of the case's organisation: unknown to
     * Parley, a partner, another organisation's user or someone without the staff role all get these
     * same bytes, so the team form is no way to find out who exists.
     */
    private static ProblemException notStaff(String field) {
        return new ProblemException(Problems.invalid(List.of(new Problem.FieldError(
                field, "no staff member of the case's organisation has this " + field + " in Parley"))));
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
        Instant now = clock.instant();
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
            members.add(new TeamView.Member(
                    member.subject,
                    usernames.get(member.subject),
                    ApiEnums.as(org.parley.access.api.TeamRole.class, member.role),
                    member.addedAt));
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
