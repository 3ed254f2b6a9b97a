package org.parley.console.cases;

import java.util.List;

import org.parley.console.clients.Access.AccessView;
import org.parley.console.clients.Access.Grant;
import org.parley.console.clients.Access.Organisation;
import org.parley.console.clients.Access.Team;
import org.parley.console.clients.Cases.CaseView;
import org.parley.console.clients.Events.Timeline;
import org.parley.console.clients.Interviews.Excerpts;
import org.parley.console.clients.Interviews.Summary;
import org.parley.console.web.Flash;

/**
 * Everything one case page shows, each part only as far as its service answered the viewer: a section the
 * cases service left out is null here and not drawn; the team, grants and settings are present only for
 * those the access service answers; the shared excerpts only for a partner the interviews service lets read them.
 */
public record CasePage(
        CaseView c,
        boolean publicView,
        Timeline history,
        boolean historyUnavailable,
        Team team,
        boolean member,
        Admin admin,
        List<Charts.EffectChart> charts,
        String strip,
        List<Summary> interviews,
        List<Excerpts> sharedExcerpts,
        Flash flash) {

    /** What a secrecy admin of the owner manages: the settings, the grants, the organisations to grant to. */
    public record Admin(AccessView access, List<Grant> grants, List<Organisation> organisations) {}

    public boolean hasProcessTimeline() {
        return c.process() != null
                && c.process().timeline() != null
                && !c.process().timeline().isEmpty();
    }
}
