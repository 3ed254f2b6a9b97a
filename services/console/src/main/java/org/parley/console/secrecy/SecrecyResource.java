package org.parley.console.secrecy;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
import org.parley.access.api.DryRunResult;
import org.parley.access.api.GrantScope;
import org.parley.access.api.ReasonBody;
import org.parley.access.api.RequestKind;
import org.parley.access.api.RequestStatus;
import org.parley.access.api.RequestView;
import org.parley.console.cases.CaseTitles;
import org.parley.console.clients.CaseExcerptsClient;
import org.parley.console.clients.SecrecyRequestsClient;
import org.parley.console.todo.TodoCounts;
import org.parley.console.web.ActionFailed;
import org.parley.console.web.Ctx;
import org.parley.console.web.Flash;
import org.parley.console.web.Globals;
import org.parley.console.web.Paths;
import org.parley.console.web.ServiceErrors;
import org.parley.interviews.api.ExcerptsOpening;

/**
 * For secrecy admins: the queue of loosening requests that wait for a second admin, each with its dry-run
 * (a case's tier, release and grants are changed on its page: {@code TierAndRelease}, {@code GrantChanges}). The access service
 * applies the two-person rule; the console only shows what it answers.
 */
@Path("/requests")
@RolesAllowed("secrecy-admin")
@Produces(MediaType.TEXT_HTML)
public class SecrecyResource {

    private final Ctx ctx;
    private final ServiceErrors errors;
    private final CaseTitles titles;
    private final TodoCounts todoCounts;

    @Inject
    public SecrecyResource(Ctx ctx, ServiceErrors errors, CaseTitles titles, TodoCounts todoCounts) {
        this.ctx = ctx;
        this.errors = errors;
        this.titles = titles;
        this.todoCounts = todoCounts;
    }

    @RestClient
    SecrecyRequestsClient access;

    @RestClient
    CaseExcerptsClient excerpts;

    /** A request and the title of its case (null when the cases service does not show it). */
    public record Row(RequestView request, String title) {}

    /**
     * For a pending grant covering excerpts: the approved excerpts it would open to the organisation's users,
     * or {@code unavailable} when the interviews service did not answer (the page still shows the rest).
     */
    public record Opening(List<OpenedExcerpt> excerpts, boolean unavailable) {}

    /** One excerpt as the admin is shown it: its number, its interview's month and the interview id's start. */
    public record OpenedExcerpt(int number, String month, String reference) {

        static OpenedExcerpt of(ExcerptsOpening.Opened opened) {
            String id = opened.interviewId();
            return new OpenedExcerpt(
                    opened.excerptNumber(), String.valueOf(opened.month()), id.substring(0, Math.min(8, id.length())));
        }
    }

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance requests(List<Row> rows, String status, Flash flash);

        public static native TemplateInstance request(
                Row row, DryRunResult dryRun, Opening opening, boolean mine, Flash flash);
    }

    @GET
    public TemplateInstance requests(@RestQuery String status, @RestQuery String done, @RestQuery String err) {
        String wanted = status == null ? "PENDING" : status;
        if (!Globals.requestStatuses.contains(wanted)) {
            wanted = "PENDING";
        }
        List<RequestView> found = access.requests("ALL".equals(wanted) ? null : wanted);
        List<Row> rows =
                found.stream().map(r -> new Row(r, titles.of(r.caseId()))).toList();
        return ctx.render(Templates.requests(rows, wanted, Flash.of(done, err)));
    }

    @GET
    @Path("/{id}")
    public Object request(@RestPath String id, @RestQuery String done, @RestQuery String err) {
        if (!Paths.isId(id)) {
            return errors.notFound();
        }
        RequestView request = access.request(id);
        DryRunResult dryRun = request.status() == RequestStatus.PENDING ? access.dryRun(id) : null;
        Opening opening = dryRun != null
                        && request.kind() == RequestKind.GRANT
                        && request.grant() != null
                        && request.grant().scope() == GrantScope.EXCERPTS
                ? openingOf(request)
                : null;
        boolean mine =
                request.requestedBy() != null && request.requestedBy().subject().equals(ctx.subject());
        return ctx.render(Templates.request(
                new Row(request, titles.of(request.caseId())), dryRun, opening, mine, Flash.of(done, err)));
    }

    private Opening openingOf(RequestView request) {
        try {
            ExcerptsOpening answer =
                    excerpts.opening(request.caseId(), request.grant().organisation());
            return new Opening(answer.excerpts().stream().map(OpenedExcerpt::of).toList(), false);
        } catch (ClientWebApplicationException | jakarta.ws.rs.ProcessingException e) {
            return new Opening(List.of(), true);
        }
    }

    @POST
    @Path("/{id}/approval")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@RestPath String id, @RestForm String reason) {
        return decide(id, () -> access.approve(id, new ReasonBody(Paths.blankToNull(reason))), "approved");
    }

    @POST
    @Path("/{id}/rejection")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@RestPath String id, @RestForm String reason) {
        return decide(id, () -> access.reject(id, new ReasonBody(Paths.blankToNull(reason))), "rejected");
    }

    /** Only the requester is offered this (and the service refuses anyone else, as a request they may not see). */
    @POST
    @Path("/{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@RestPath String id, @RestForm String reason) {
        return decide(id, () -> access.withdraw(id, new ReasonBody(Paths.blankToNull(reason))), "withdrawn");
    }

    private Response decide(String id, Runnable call, String done) {
        if (!Paths.isId(id)) {
            return errors.notFound();
        }
        try {
            call.run();
            // the decided request leaves the admin's work queue at once, not when the kept count expires
            todoCounts.forget(ctx.subject());
            return Response.seeOther(URI.create("/requests/" + id + "?done=" + done))
                    .build();
        } catch (ClientWebApplicationException e) {
            if (ActionFailed.isNotFound(e)) {
                return errors.notFound();
            }
            return Response.seeOther(URI.create("/requests/" + id + "?err=" + ActionFailed.key(e)))
                    .build();
        }
    }
}
