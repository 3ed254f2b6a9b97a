package org.parley.console.cases;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;
import org.parley.cases.api.CaseList;
import org.parley.cases.api.CaseListFilters;
import org.parley.console.clients.CasesClient;
import org.parley.console.web.Ctx;
import org.parley.console.web.Facets;

/** The case listing for signed-in users: search, facets, "my cases"; what the cases service lists. */
@Path("/cases")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class CaseListPage {

    private final Ctx ctx;

    @Inject
    public CaseListPage(Ctx ctx) {
        this.ctx = ctx;
    }

    @RestClient
    CasesClient cases;

    @GET
    public TemplateInstance list(@BeanParam CaseListFilters filters, @RestQuery String team) {
        Search search = Search.of("/cases", filters, team);
        String mine = search.mine() ? "mine" : null;
        CaseList result = search.ask(asked -> cases.list(asked, mine));
        return ctx.render(CaseTemplates.list(
                search, result, Facets.of(result.facets(), search.selected()), search.nextUrl(result), false));
    }
}
