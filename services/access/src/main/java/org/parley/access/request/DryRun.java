package org.parley.access.request;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.parley.access.ApiEnums;
import org.parley.access.api.DryRunResult;
import org.parley.access.api.DryRunResult.Change;
import org.parley.access.api.DryRunResult.Who;
import org.parley.access.directory.Directory;
import org.parley.access.directory.DirectoryUser;
import org.parley.access.organisation.Organisation;
import org.parley.policy.CasePolicy;
import org.parley.policy.Decision;
import org.parley.policy.SecrecyRules;
import org.parley.policy.Section;
import org.parley.policy.Viewer;

/**
 * Who would gain or lose what if a request were approved: {@link SecrecyRules#decide} on the policy
 * before and after, for every user in the directory, for each organisation's other users, for any other
 * signed-in user and for anonymous readers. Only those whose view would change are listed.
 */
@ApplicationScoped
public class DryRun {

    /** Placeholder subjects no Keycloak user can have (they are not UUIDs). */
    private static final String OTHER_SUBJECT = "~any-other-user";

    private static final String OTHER_ORGANISATION = "~any-other-organisation";

    private final Clock clock;
    private final SecrecyRequests requests;
    private final Directory directory;

    @Inject
    public DryRun(Clock clock, SecrecyRequests requests, Directory directory) {
        this.clock = clock;
        this.requests = requests;
        this.directory = directory;
    }

    public DryRunResult of(String requestId, Viewer viewer) {
        SecrecyRequests.Visible found = requests.visibleToAdmin(requestId, viewer);
        CasePolicy before = found.visibleCase().policy();
        CasePolicy after = SecrecyRequests.afterApproval(before, found.request());
        Instant now = clock.instant();

        List<Change> changes = new ArrayList<>();
        int unchanged = 0;
        for (DirectoryUser user : directory.everyone()) {
            Who who = new Who("USER", user.subject, user.username, user.organisation);
            unchanged += compare(who, user.asViewer(), before, after, now, changes);
        }
        List<Organisation> organisations = Organisation.list("ORDER BY id");
        for (Organisation organisation : organisations) {
            Who who = new Who("ANY_OTHER_USER_OF_ORGANISATION", null, null, organisation.id);
            Viewer someone = Viewer.signedIn(OTHER_SUBJECT, organisation.id, Set.of());
            unchanged += compare(who, someone, before, after, now, changes);
        }
        unchanged += compare(
                new Who("ANY_OTHER_SIGNED_IN_USER", null, null, null),
                Viewer.signedIn(OTHER_SUBJECT, OTHER_ORGANISATION, Set.of()),
                before,
                after,
                now,
                changes);
        unchanged += compare(new Who("ANONYMOUS", null, null, null), Viewer.anonymous(), before, after, now, changes);
        return new DryRunResult(found.request().id.toString(), before.caseId(), before.version(), changes, unchanged);
    }

    /** Adds a change if the viewer's view differs; returns 1 when it does not. */
    private static int compare(
            Who who, Viewer viewer, CasePolicy before, CasePolicy after, Instant now, List<Change> changes) {
        Decision was = SecrecyRules.decide(viewer, before, now);
        Decision will = SecrecyRules.decide(viewer, after, now);
        if (was.sections().equals(will.sections())
                && was.excerpts() == will.excerpts()
                && was.relationship() == will.relationship()) {
            return 1;
        }
        Set<Section> gained = EnumSet.noneOf(Section.class);
        gained.addAll(will.sections());
        gained.removeAll(was.sections());
        Set<Section> lost = EnumSet.noneOf(Section.class);
        lost.addAll(was.sections());
        lost.removeAll(will.sections());
        changes.add(new Change(
                who,
                ApiEnums.as(org.parley.access.api.Relationship.class, was.relationship()),
                ApiEnums.as(org.parley.access.api.Relationship.class, will.relationship()),
                sections(was.sections()),
                sections(will.sections()),
                sections(gained),
                sections(lost),
                was.excerpts(),
                will.excerpts()));
        return 0;
    }

    /** In the sections' declaration order. */
    private static List<org.parley.access.api.Section> sections(Set<Section> sections) {
        return List.copyOf(ApiEnums.asSet(org.parley.access.api.Section.class, sections));
    }
}
