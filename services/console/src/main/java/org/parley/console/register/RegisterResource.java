package org.parley.console.register;

import java.util.List;
import java.util.function.Supplier;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.parley.cases.api.CaseLinkPage;
import org.parley.cases.api.CaseList;
import org.parley.cases.api.CaseListFilters;
import org.parley.cases.api.CaseView;
import org.parley.cases.api.ComparableCase;
import org.parley.console.cases.CasePage;
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

    /** The comparable cases a page shows: the five most alike in the register. */
    private static final CaseListFilters COMPARABLE =
            new CaseListFilters(null, List.of(), List.of(), List.of(), List.of(), List.of(), null, null, null, "5");

    private static <T> T orNull(Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException | ProcessingException e) {
            return null;
        }
    }

    @GET
    public TemplateInstance list(@BeanParam CaseListFilters filters) {
        Search search = Search.of("/register", filters, null);
        CaseList result = search.ask(register::list);
        return ctx.render(CaseTemplates.list(
                search, result, Facets.of(result.facets(), search.selected()), search.nextUrl(result), true));
    }

    @GET
    @Path("/{id}")
    public Object detail(@RestPath String id, @RestQuery String linksAfter) {
        if (!Paths.isId(id)) {
            return errors.notFound();
        }
        CaseView c = register.read(id);
        var coded = register.coded(id);
        // the case was shown: its links and comparable cases are extras, left out if the service fails them
        String after = Paths.blankToNull(linksAfter);
        CaseLinkPage links = orNull(() -> register.links(id, null, after));
        List<ComparableCase> comparable = orNull(() -> register.comparable(id, COMPARABLE));
        return ctx.render(CaseTemplates.detail(
                pages.publicPage(c, coded, CasePage.Related.of(comparable, links, after != null))));
    }
}
