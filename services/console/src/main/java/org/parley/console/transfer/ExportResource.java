package org.parley.console.transfer;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.parley.cases.api.CaseListFilters;
import org.parley.console.cases.Search;
import org.parley.console.clients.CaseExportClient;
import org.parley.console.web.Ctx;
import org.parley.console.web.Paths;
import org.parley.console.web.ServiceErrors;

/**
 * Files from the cases service, fetched with the reader's own token and streamed on: the case list's export (the
 * list's filters, a format and a tier ceiling) and a case's dossier (PDF, under a ceiling, in the console's
 * language). The cases service decides what the file holds and records it in the ledger; a refusal is the usual
 * error page (a case the reader may not know is the one "not found" page).
 */
@Path("/cases")
@Authenticated
public class ExportResource {

    private final Ctx ctx;
    private final ServiceErrors errors;

    @Inject
    public ExportResource(Ctx ctx, ServiceErrors errors) {
        this.ctx = ctx;
        this.errors = errors;
    }

    @RestClient
    CaseExportClient cases;

    @GET
    @Path("/export")
    public Response export(
            @RestQuery String format,
            @RestQuery String ceiling,
            @BeanParam CaseListFilters filters,
            @RestQuery String team) {
        Search search = Search.of("/cases", filters, team);
        return Downloads.passOn(cases.export(
                Paths.blankToNull(format),
                Paths.blankToNull(ceiling),
                search.exportFilters(),
                search.mine() ? "mine" : null));
    }

    @GET
    @Path("/{id}/dossier.pdf")
    public Response dossier(@RestPath String id, @RestQuery String ceiling) {
        if (!Paths.isId(id)) {
            return errors.notFound();
        }
        return Downloads.passOn(cases.dossier(id, Paths.blankToNull(ceiling), ctx.lang()));
    }
}
