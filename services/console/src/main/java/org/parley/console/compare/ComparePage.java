package org.parley.console.compare;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;
import org.parley.cases.api.CaseList;
import org.parley.cases.api.CaseListFilters;
import org.parley.cases.api.CaseMatrix;
import org.parley.cases.api.TruthTable;
import org.parley.console.cases.Search;
import org.parley.console.clients.CompareClient;
import org.parley.console.i18n.Msg;
import org.parley.console.web.Ctx;
import org.parley.console.web.Fmt;

/**
 * Compare: the matrix of the cases the user may see along chosen coded dimensions, two of them counted against each
 * other, and the truth table of the chosen dimensions against an outcome. The cases service decides and counts; the
 * page lays out. The case list's filters apply, as typed in its address.
 */
@Path("/compare")
@Authenticated
public class ComparePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance compare(
                List<String> keys,
                Comparison choice,
                Search search,
                CaseMatrix matrix,
                String nextUrl,
                String csvUrl,
                CrossTabGrid grid,
                TruthTable truthTable);
    }

    private final Ctx ctx;
    private final Fmt fmt;
    private final Msg english;
    private final Msg spanish;
    private final CompareClient compare;

    @Inject
    public ComparePage(Ctx ctx, Fmt fmt, Msg english, @Localized("es") Msg spanish, @RestClient CompareClient compare) {
        this.ctx = ctx;
        this.fmt = fmt;
        this.english = english;
        this.spanish = spanish;
        this.compare = compare;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance compare(
            @RestQuery List<String> dims,
            @RestQuery String rows,
            @RestQuery String cols,
            @RestQuery String outcome,
            @BeanParam CaseListFilters filters,
            @RestQuery String team) {
        Comparison choice = Comparison.of(dims, rows, cols, outcome);
        Search search = Search.of("/compare", filters, team);
        String mine = search.mine() ? "mine" : null;
        CaseMatrix matrix = search.ask(asked -> compare.compare(String.join(",", choice.dims()), asked, mine));
        CrossTabGrid grid =
                CrossTabGrid.of(search.ask(asked -> compare.crosstab(choice.rows(), choice.cols(), asked, mine)));
        TruthTable truthTable = search.ask(
                asked -> compare.truthTable(String.join(",", choice.conditions()), choice.outcome(), asked, mine));
        String nextUrl = matrix.nextCursor() == null ? null : choice.url(search.url(matrix.nextCursor()));
        String csvUrl =
                choice.url(Search.of("/compare/matrix.csv", filters, team).url(search.cursor()));
        return ctx.render(
                Templates.compare(CaseList.CODED_FACETS, choice, search, matrix, nextUrl, csvUrl, grid, truthTable));
    }

    /** The page of the matrix the user sees, as CSV, with labels in their language. */
    @GET
    @Path("matrix.csv")
    @Produces("text/csv")
    public Response matrixCsv(
            @RestQuery List<String> dims, @BeanParam CaseListFilters filters, @RestQuery String team) {
        Comparison choice = Comparison.of(dims, null, null, null);
        Search search = Search.of("/compare", filters, team);
        CaseMatrix matrix = search.ask(
                asked -> compare.compare(String.join(",", choice.dims()), asked, search.mine() ? "mine" : null));
        Msg msg = "es".equals(ctx.lang()) ? spanish : english;
        String csv = MatrixCsv.of(matrix, fmt::dimension, fmt::codedValues, "id", msg.compare_matrix_case());
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"parley-compare.csv\"")
                .build();
    }
}
