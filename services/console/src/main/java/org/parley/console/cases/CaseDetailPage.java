package org.parley.console.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.parley.access.api.TeamView;
import org.parley.cases.api.CaseListFilters;
import org.parley.cases.api.CaseView;
import org.parley.console.clients.CaseAccessClient;
import org.parley.console.clients.CaseExcerptsClient;
import org.parley.console.clients.CaseLinksClient;
import org.parley.console.clients.CasesClient;
import org.parley.console.clients.CompareClient;
import org.parley.console.clients.GrantsClient;
import org.parley.console.clients.InterviewsClient;
import org.parley.console.clients.OrganisationsClient;
import org.parley.console.clients.Problem;
import org.parley.console.clients.TeamClient;
import org.parley.console.clients.TimelineClient;
import org.parley.console.web.Ctx;
import org.parley.console.web.Flash;
import org.parley.console.web.Paths;
import org.parley.console.web.ServiceErrors;
import org.parley.events.api.TimelineView;
import org.parley.interviews.api.Excerpts;
import org.parley.interviews.api.InterviewListFilters;
import org.parley.interviews.api.InterviewSummary;

/**
 * One case with the sections the viewer may see, and around it what the other services answer for this
 * viewer: history, team, interviews, shared excerpts, and a secrecy admin's settings and grants. Whatever
 * the cases service leaves out is not drawn; a case it does not show is the one "not found" page, and no
 * other service is asked about it. A part another service refuses (403, 404) is not for this viewer and is
 * left out; a part it fails to answer is named on the page with the service's problem.
 */
@Path("/cases")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class CaseDetailPage {

    private final Ctx ctx;
    private final CasePages pages;
    private final ServiceErrors errors;

    @Inject
    public CaseDetailPage(Ctx ctx, CasePages pages, ServiceErrors errors) {
        this.ctx = ctx;
        this.pages = pages;
        this.errors = errors;
    }

    @RestClient
    CasesClient cases;

    @RestClient
    TeamClient teams;

    @RestClient
    CaseAccessClient access;

    @RestClient
    GrantsClient grants;

    @RestClient
    OrganisationsClient organisations;

    @RestClient
    TimelineClient events;

    @RestClient
    InterviewsClient interviews;

    @RestClient
    CaseExcerptsClient caseExcerpts;

    @RestClient
    CompareClient compare;

    @RestClient
    CaseLinksClient caseLinks;

    /** The comparable cases a page shows: the five most alike among all the reader may see. */
    private static final CaseListFilters COMPARABLE =
            new CaseListFilters(null, List.of(), List.of(), List.of(), List.of(), List.of(), null, null, null, "5");

    /** The cases a member may pick to link to: those the words match, or the most recent ones. */
    private static final int LINK_TARGETS = 20;

    @GET
    @Path("/{id}")
    public Object detail(
            @RestPath String id,
            @RestQuery String done,
            @RestQuery String err,
            @RestQuery String fields,
            @RestQuery String linksAfter,
            @RestQuery String linkSearch) {
        if (!Paths.isId(id)) {
            return errors.notFound();
        }
        return page(
                id,
                Flash.of(done, err, fields),
                null,
                new CasePage.LinkView(Paths.blankToNull(linksAfter), Paths.blankToNull(linkSearch)));
    }

    /** The case page with the first page of links and the most recent cases to link to. */
    TemplateInstance page(String id, Flash flash, CasePages.Typed typed) {
        return page(id, flash, typed, CasePage.LinkView.FIRST);
    }

    /**
     * The case page of a well-formed id; {@code typed} draws one coded section's form as a member typed it, with
     * its errors (null: every form with the case's values).
     */
    TemplateInstance page(String id, Flash flash, CasePages.Typed typed, CasePage.LinkView linkView) {
        CaseView c = cases.read(id); // a 404 here ends the page: nothing else is asked about this id
        ObjectNode coded = cases.coded(id);
        List<CasePage.PartProblem> problems = new ArrayList<>();
        TimelineView history = part("history", () -> events.timeline(id), problems);
        TeamView team = ctx.staff() || ctx.secrecyAdmin() ? part("team", () -> teams.team(id), problems) : null;
        boolean member = team != null && team.includes(ctx.subject());
        CasePage.Admin admin = ctx.secrecyAdmin() ? admin(id, problems) : null;
        List<InterviewSummary> linked = List.of();
        if (member) {
            var page = part("interviews", () -> interviews.search(InterviewListFilters.ofCase(id, 50)), problems);
            linked = page == null || page.items() == null ? List.of() : page.items();
        }
        List<Excerpts> shared = null;
        if (!member && ctx.partner()) {
            // a 404 here only means no grant covering excerpts: the case itself was shown above
            var answer = part("excerpts", () -> caseExcerpts.list(id), problems);
            shared = answer == null ? null : answer.interviews();
        }
        var comparable = part("comparable", () -> compare.comparable(id, COMPARABLE), problems);
        var links = part("links", () -> caseLinks.links(id, null, linkView.after()), problems);
        List<CaseView> linkTargets = null;
        if (member) {
            CaseListFilters targets = CaseListFilters.matching(linkView.search(), LINK_TARGETS);
            var visible = part("cases", () -> cases.list(targets, null), problems);
            linkTargets = visible == null
                    ? null
                    : visible.items().stream()
                            .filter(other -> !other.id().equals(id) && other.header() != null)
                            .toList();
        }
        return ctx.render(CaseTemplates.detail(pages.page(
                c,
                false,
                history,
                history == null,
                team,
                member,
                admin,
                linked,
                shared,
                problems,
                flash,
                new CasePage.Related(
                        comparable,
                        links == null ? null : links.items(),
                        links == null ? null : links.nextCursor(),
                        linkView.after() != null,
                        linkTargets,
                        linkView.search()),
                pages.coded(coded, member, typed))));
    }

    /** What a secrecy admin of the owning organisation manages; null for an admin of another one (403). */
    private CasePage.Admin admin(String id, List<CasePage.PartProblem> problems) {
        var settings = part("settings", () -> access.access(id), problems);
        if (settings == null) {
            return null;
        }
        var granted = part("grants", () -> grants.grants(id), problems);
        var known = part("organisations", () -> organisations.organisations(), problems);
        return new CasePage.Admin(
                settings,
                granted == null ? List.of() : granted,
                known == null
                        ? List.of()
                        : known.stream()
                                .filter(o -> !o.id().equals(ctx.organisation()))
                                .toList());
    }

    /**
     * One part of the page from its service: the answer; null when the part is not for this viewer (403,
     * 404); null and a named problem when the service failed or could not be reached.
     */
    private static <T> T part(String name, Supplier<T> call, List<CasePage.PartProblem> problems) {
        try {
            return call.get();
        } catch (ClientWebApplicationException e) {
            int status = e.getResponse() == null ? 502 : e.getResponse().getStatus();
            if (status != 403 && status != 404) {
                problems.add(new CasePage.PartProblem(name, Problem.of(e)));
            }
            return null;
        } catch (ProcessingException e) {
            problems.add(new CasePage.PartProblem(name, null));
            return null;
        }
    }
}
