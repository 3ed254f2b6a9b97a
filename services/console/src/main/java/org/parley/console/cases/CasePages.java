package org.parley.console.cases;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.parley.access.api.TeamView;
import org.parley.cases.api.CaseView;
import org.parley.console.web.Flash;
import org.parley.console.web.Fmt;
import org.parley.events.api.TimelineView;
import org.parley.interviews.api.Excerpts;
import org.parley.interviews.api.InterviewSummary;

/** Builds a case page from what the services answered, with its drawings in the reader's language. */
@RequestScoped
public class CasePages {

    private final Fmt fmt;

    @Inject
    public CasePages(Fmt fmt) {
        this.fmt = fmt;
    }

    public CasePage page(
            CaseView c,
            boolean publicView,
            TimelineView history,
            boolean historyUnavailable,
            TeamView team,
            boolean member,
            CasePage.Admin admin,
            List<InterviewSummary> linked,
            List<Excerpts> sharedExcerpts,
            List<CasePage.PartProblem> problems,
            Flash flash,
            CasePage.Related related) {
        List<Charts.EffectChart> charts = c.results() == null
                ? List.of()
                : Charts.effects(
                        c.results().effects(),
                        fmt.label("chart", "before"),
                        fmt.label("chart", "after"),
                        fmt.label("chart", "index"));
        String strip = c.process() == null
                ? ""
                : Charts.timelineSvg(c.process().timeline(), fmt.label("section", "timeline_strip"));
        return new CasePage(
                c,
                publicView,
                history,
                historyUnavailable,
                team,
                member,
                admin,
                charts,
                strip,
                linked,
                sharedExcerpts,
                problems,
                flash,
                related);
    }

    /** A case of the public register: its public sections, its links and comparable cases, nothing to manage. */
    public CasePage publicPage(CaseView c, CasePage.Related related) {
        return page(c, true, null, false, null, false, null, List.of(), null, List.of(), Flash.of(null, null), related);
    }
}
