package org.parley.console.cases;

import java.util.ArrayList;
import java.util.List;

import org.parley.console.clients.Access.AccessView;
import org.parley.console.clients.Access.Grant;
import org.parley.console.clients.Access.Organisation;
import org.parley.console.clients.Access.Team;
import org.parley.console.clients.Cases;
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

    // The rows the members' edit forms show: each entry the section has, then one blank row to add another.

    public List<Cases.CriminalGroup> groupRows() {
        return plusBlank(
                c.context() == null ? null : c.context().criminalGroups(),
                new Cases.CriminalGroup(null, null, null, null, null));
    }

    public List<Cases.Redline> redlineRows() {
        return plusBlank(c.process() == null ? null : c.process().redlines(), new Cases.Redline(null, List.of()));
    }

    public List<Cases.Mediator> mediatorRows() {
        return plusBlank(c.process() == null ? null : c.process().mediators(), new Cases.Mediator(null, null));
    }

    public List<Cases.Risk> riskRows() {
        return plusBlank(c.process() == null ? null : c.process().risks(), new Cases.Risk(null, null));
    }

    public List<Cases.Effect> effectRows() {
        return plusBlank(
                c.results() == null ? null : c.results().effects(), new Cases.Effect(null, null, null, null, null));
    }

    public List<Cases.SideEffect> sideEffectRows() {
        return plusBlank(c.results() == null ? null : c.results().sideEffects(), new Cases.SideEffect(null, null));
    }

    private static <T> List<T> plusBlank(List<T> entries, T blank) {
        List<T> rows = new ArrayList<>(entries == null ? List.of() : entries);
        rows.add(blank);
        return rows;
    }

    public boolean hasProcessTimeline() {
        return c.process() != null
                && c.process().timeline() != null
                && !c.process().timeline().isEmpty();
    }
}
