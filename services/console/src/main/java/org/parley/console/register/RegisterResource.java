package org.parley.console.register;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.parley.console.cases.CasePages;
import org.parley.console.cases.CasesResource;
import org.parley.console.cases.Search;
import org.parley.console.clients.Cases.CaseList;
import org.parley.console.clients.Cases.CaseView;
import org.parley.console.clients.PublicRegisterApi;
import org.parley.console.web.Ctx;
import org.parley.console.web.Facets;
import org.parley.console.web.Paths;
import org.parley.console.web.ServiceErrors;

/**
 * The public register, for everyone and without signing in: exactly what the cases service's public
 * register answers, asked without a token whoever is signed in.
 */
@Path("/register")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class RegisterResource {

    @Inject
    Ctx ctx;

    @Inject
    CasePages pages;

    @Inject
    ServiceErrors errors;

    @RestClient
    PublicRegisterApi register;

    @GET
    public TemplateInstance list(
            @RestQuery String q,
            @RestQuery List<String> country,
            @RestQuery List<String> status,
            @RestQuery List<String> tier,
            @RestQuery List<String> entityType,
            @RestQuery List<String> groupType,
            @RestQuery String from,
            @RestQuery String to,
            @RestQuery String cursor) {
        Search search = Search.of("/register", q, country, status, tier, entityType, groupType, from, to, null);
        CaseList result = search.ask(register::list, cursor);
        return ctx.render(CasesResource.Templates.list(
                search, result, Facets.of(result.facets(), search.selected()), search.nextUrl(result), true));
    }

    @GET
    @Path("/{id}")
    public Object detail(@RestPath String id) {
        if (!Paths.isId(id)) {
            return errors.notFound();
        }
        CaseView c = register.read(id);
        return ctx.render(CasesResource.Templates.detail(pages.publicPage(c)));
    }
}
