package org.parley.console.interviews;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.parley.cases.api.CaseList;
import org.parley.cases.api.CaseListFilters;
import org.parley.console.clients.CasesClient;
import org.parley.console.clients.ExcerptsClient;
import org.parley.console.clients.InterviewsClient;
import org.parley.console.web.ActionFailed;
import org.parley.console.web.Ctx;
import org.parley.console.web.Flash;
import org.parley.console.web.Paths;
import org.parley.console.web.ServiceErrors;
import org.parley.interviews.api.Excerpts;
import org.parley.interviews.api.InterviewHistory;
import org.parley.interviews.api.InterviewListFilters;
import org.parley.interviews.api.InterviewPage;
import org.parley.interviews.api.InterviewView;

/**
 * Interviews for staff: search (only those whose every linked case has the reader on its team, as the
 * interviews service decides), logging a new one, and reading one with its excerpts.
 */
@Path("/interviews")
@RolesAllowed("staff")
@Produces(MediaType.TEXT_HTML)
public class InterviewsResource {

    private final Ctx ctx;
    private final ServiceErrors errors;
    private final InterviewFormPages formPages;
    private final LinkableCases linkable;

    @Inject
    public InterviewsResource(Ctx ctx, ServiceErrors errors, InterviewFormPages formPages, LinkableCases linkable) {
        this.ctx = ctx;
        this.errors = errors;
        this.formPages = formPages;
        this.linkable = linkable;
    }

    @RestClient
    InterviewsClient interviews;

    @RestClient
    ExcerptsClient interviewExcerpts;

    @RestClient
    CasesClient cases;

    /** A case offered in a form or named on a page: its id and title. */
    public record CaseRef(String id, String title) {}

    public record Filter(String theme, String question, String category, String country, String caseId) {
        String url(String cursor) {
            String query = Paths.param("theme", theme)
                    + Paths.param("question", question)
                    + Paths.param("category", category)
                    + Paths.param("country", country)
                    + Paths.param("case", caseId)
                    + Paths.param("cursor", cursor);
            return "/interviews" + (query.isEmpty() ? "" : "?" + query.substring(1));
        }
    }

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance list(
                Filter filter, InterviewPage result, List<CaseRef> caseOptions, String nextUrl);

        public static native TemplateInstance form(InterviewFormPage page);

        public static native TemplateInstance detail(
                InterviewView interview,
                List<CaseRef> linked,
                Excerpts excerpts,
                InterviewHistory history,
                Flash flash);
    }

    @GET
    public TemplateInstance list(
            @RestQuery String theme,
            @RestQuery String question,
            @RestQuery String category,
            @RestQuery String country,
            @RestQuery("case") String caseId,
            @RestQuery String cursor) {
        Filter filter = new Filter(
                Paths.blankToNull(theme),
                Paths.blankToNull(question),
                Paths.blankToNull(category),
                Paths.blankToNull(country),
                Paths.isId(caseId) ? caseId : null);
        InterviewPage result = interviews.search(InterviewListFilters.of(
                filter.caseId(),
                filter.theme(),
                filter.question(),
                filter.category(),
                filter.country(),
                Paths.blankToNull(cursor),
                25));
        String next = result.nextCursor() == null ? null : filter.url(result.nextCursor());
        return ctx.render(Templates.list(filter, result, caseOptions(), next));
    }

    @GET
    @Path("/new")
    public Response form(@RestQuery("case") String caseId) {
        InterviewForm form = InterviewForm.empty();
        if (Paths.isId(caseId)) {
            form = form.withCases(List.of(caseId));
        }
        return formPages.draw(200, form, null, null, null, Flash.of(null, null));
    }

    /** Records the interview, or draws the form again as typed: after a case search, or with the refused fields. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response record(@BeanParam InterviewFormInput input) {
        InterviewForm form = input.form();
        if (input.findingCases()) {
            return formPages.draw(200, form, null, null, input, Flash.of(null, null));
        }
        try {
            InterviewView created = interviews.record(form.body());
            return Response.seeOther(URI.create("/interviews/" + created.id() + "?done=recorded"))
                    .build();
        } catch (ClientWebApplicationException e) {
            // shown again with what was typed (the identity too: it is the author's own input, never stored here)
            return formPages.refused(form, null, null, input, e);
        }
    }

    @GET
    @Path("/{id}")
    public Object detail(@RestPath String id, @RestQuery String done, @RestQuery String err) {
        if (!Paths.isId(id)) {
            return errors.notFound();
        }
        InterviewView interview = interviews.read(id);
        Excerpts excerpts;
        try {
            excerpts = interviewExcerpts.list(id);
        } catch (ClientWebApplicationException e) {
            excerpts = null;
        }
        InterviewHistory history;
        try {
            history = interviews.history(id);
        } catch (ClientWebApplicationException | ProcessingException e) {
            history = null; // the page says the history is unavailable; the interview itself was read
        }
        List<CaseRef> linked = linkable.titled(interview.linkedCases());
        return ctx.render(Templates.detail(interview, linked, excerpts, history, Flash.of(done, err)));
    }

    @POST
    @Path("/{id}/excerpts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response propose(@RestPath String id, @RestForm int quote, @RestForm("question") List<String> questions) {
        Map<String, Object> proposal = Map.of("quote", quote, "researchQuestions", Paths.nonBlank(questions));
        return excerptChange(id, () -> interviewExcerpts.propose(id, proposal), "proposed");
    }

    @POST
    @Path("/{id}/excerpts/{n}/approval")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@RestPath String id, @RestPath int n, @RestForm String version) {
        if (!Paths.isId(id)) {
            return errors.notFound();
        }
        if (version == null || !version.matches("[1-9][0-9]{0,17}")) {
            // not drawn by the page: approving "whatever is there now" is what the version exists to prevent
            return excerpts(id, "err=stale");
        }
        String approvedFrom = Paths.etag(Long.parseLong(version));
        return excerptChange(
                id, () -> interviewExcerpts.approve(id, Integer.toString(n), approvedFrom), "excerpt-approved");
    }

    private Response excerptChange(String id, Runnable call, String done) {
        if (!Paths.isId(id)) {
            return errors.notFound();
        }
        try {
            call.run();
            return excerpts(id, "done=" + done);
        } catch (ClientWebApplicationException e) {
            if (ActionFailed.isNotFound(e)) {
                return errors.notFound();
            }
            return excerpts(id, "err=" + ActionFailed.key(e));
        }
    }

    /** Back to the interview's excerpts, with the notice that says how the change went. */
    private static Response excerpts(String id, String notice) {
        return Response.seeOther(URI.create("/interviews/" + id + "?" + notice + "#excerpts"))
                .build();
    }

    /** The cases the author may link: those the cases service lists for them (it still checks membership). */
    private List<CaseRef> caseOptions() {
        try {
            CaseList list = cases.list(CaseListFilters.firstPage(100), "mine");
            return list.items().stream()
                    .filter(c -> c.header() != null)
                    .map(c -> new CaseRef(c.id(), c.header().title()))
                    .toList();
        } catch (ClientWebApplicationException | jakarta.ws.rs.ProcessingException e) {
            return List.of();
        }
    }
}
