package org.parley.console.cases;

import java.util.List;

import org.parley.access.api.AccessView;
import org.parley.access.api.GrantView;
import org.parley.access.api.OrganisationView;
import org.parley.access.api.TeamView;
import org.parley.cases.api.CaseLink;
import org.parley.cases.api.CaseLinkPage;
import org.parley.cases.api.CaseView;
import org.parley.cases.api.ComparableCase;
import org.parley.console.clients.Problem;
import org.parley.console.web.Flash;
import org.parley.events.api.TimelineView;
import org.parley.interviews.api.Excerpts;
import org.parley.interviews.api.InterviewSummary;

/**
 * Everything one case page shows, each part only as far as its service answered the viewer: a section the
 * cases service left out is null here and not drawn; the team, grants and settings are present only for
 * those the access service answers; the shared excerpts only for a partner the interviews service lets read them.
 * A part whose service failed is named in {@code problems} with what the service answered.
 */
public record CasePage(
        CaseView c,
        boolean publicView,
        TimelineView history,
        boolean historyUnavailable,
        TeamView team,
        boolean member,
        Admin admin,
        List<Charts.EffectChart> charts,
        String strip,
        List<InterviewSummary> interviews,
        List<Excerpts> sharedExcerpts,
        List<PartProblem> problems,
        Flash flash,
        Related related,
        Coded coded) {

    /**
     * The case among the others the viewer may see: the most comparable ones, a page of the links whose both ends they
     * may know, and for a member the cases they may link to (null where the service did not answer or the viewer may
     * not link), found by the words of {@code linkSearch} or the most recent ones.
     *
     * @param nextLinks the cursor of the next page of links, or null on the last
     * @param linksContinued whether the links shown are not the first page
     */
    public record Related(
            List<ComparableCase> comparable,
            List<CaseLink> links,
            String nextLinks,
            boolean linksContinued,
            List<CaseView> linkTargets,
            String linkSearch) {

        /** The related cases of a page with the given page of links, without link targets. */
        public static Related of(List<ComparableCase> comparable, CaseLinkPage links, boolean linksContinued) {
            return new Related(
                    comparable,
                    links == null ? null : links.items(),
                    links == null ? null : links.nextCursor(),
                    linksContinued,
                    null,
                    null);
        }
    }

    /** Which page of the links a case page shows (null: the first), and the words a member looks for targets with. */
    public record LinkView(String after, String search) {

        public static final LinkView FIRST = new LinkView(null, null);
    }

    /**
     * A part of the page a service failed to answer (a refusal, 403 or 404, is not a failure: the part is
     * simply not for this viewer). problem is null when the service could not be reached at all.
     */
    public record PartProblem(String part, Problem problem) {}

    /** What a secrecy admin of the owner manages: the settings, the grants, the organisations to grant to. */
    public record Admin(AccessView access, List<GrantView> grants, List<OrganisationView> organisations) {}

    /**
     * The case in the codebook's shape: the version its forms name, each section the reader may see (null when
     * not), and for a member one edit form per such section.
     */
    /**
     * @param periodStart the header's start as written ("2012", "2012-03" or a day), or null when not shown
     * @param periodEnd its end as written, or null
     */
    public record Coded(
            long version,
            String periodStart,
            String periodEnd,
            CodedSectionView context,
            CodedSectionView process,
            CodedSectionView results,
            List<CodedFormView> forms) {}

    public boolean hasProcessTimeline() {
        return c.process() != null
                && c.process().timeline() != null
                && !c.process().timeline().isEmpty();
    }
}
