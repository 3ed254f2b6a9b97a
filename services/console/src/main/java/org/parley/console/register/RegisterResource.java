package org.parley.console.register;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.parley.cases.api.CaseList;
import org.parley.cases.api.CaseListFilters;
import org.parley.cases.api.CaseView;
import org.parley.console.cases.CasePages;
import org.parley.console.cases.CaseTemplates;
import org.parley.console.cases.Search;
import org.parley.console.clients.PublicRegisterClient;
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

    private final Ctx ctx;
    private final CasePages pages;
    private final ServiceErrors errors;

    @Inject
    public RegisterResource(Ctx ctx, CasePages pages, ServiceErrors errors) {
        this.ctx = ctx;
        this.pages = pages;
        this.errors = errors;
    }

    @RestClient
    PublicRegisterClient register;

    @GET
    public TemplateInstance list(@BeanParam CaseListFilters filters) {
        Search search = Search.of("/register", filters, null);
        CaseList result = search.ask(register::list);
        return ctx.render(CaseTemplates.list(
                search, result, Facets.of(result.facets(), search.selected()), search.nextUrl(result), true));
    }

    @GET
    @Path("/{id}")
    public Object detail(@RestPath String id) {
        if (!Paths.isId(id)) {
            return errors.notFound();
        }
        CaseView c = register.read(id);
        return ctx.render(CaseTemplates.detail(pages.publicPage(c)));
    }
}
