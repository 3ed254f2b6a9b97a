package org.parley.console.cases;

import java.net.URI;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.RestForm;
import org.parley.cases.api.CaseView;
import org.parley.console.clients.CasesClient;
import org.parley.console.clients.Problem;
import org.parley.console.web.Ctx;
import org.parley.console.web.Paths;

/**
 * "New case" for staff (the role the cases service lets open cases): the header's fields, the creator becomes the
 * lead. A 400 shows the form again with what was typed and each field's error next to it; any other refusal or
 * failure is the console's usual page for it (ServiceErrors), with the service's problem.
 */
@Path("/cases")
@RolesAllowed("staff")
@Produces(MediaType.TEXT_HTML)
public class NewCasePage {

    private final Ctx ctx;
    private final CasesClient cases;

    @Inject
    public NewCasePage(Ctx ctx, @RestClient CasesClient cases) {
        this.ctx = ctx;
        this.cases = cases;
    }

    @GET
    @Path("/new")
    public TemplateInstance form() {
        return ctx.render(CaseTemplates.newCase(NewCaseForm.empty(), NewCaseErrors.none()));
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response open(
            @RestForm String title,
            @RestForm String country,
            @RestForm String region,
            @RestForm String start,
            @RestForm String end,
            @RestForm String status) {
        NewCaseForm form = new NewCaseForm(title, country, region, start, end, status);
        CaseView created;
        try {
            created = cases.create(form.body());
            Map<String, Object> written = form.writtenPeriod();
            if (written != null) {
                cases.patchCoded(created.id(), "header", Paths.etag(created.version()), written);
            }
        } catch (ClientWebApplicationException e) {
            if (e.getResponse() == null || e.getResponse().getStatus() != 400) {
                throw e; // the usual page for a refusal or a failure, naming the service's problem
            }
            return ctx.page(400, CaseTemplates.newCase(form, NewCaseErrors.of(Problem.of(e), form)));
        }
        return Response.seeOther(URI.create("/cases/" + created.id() + "?done=opened"))
                .build();
    }
}
