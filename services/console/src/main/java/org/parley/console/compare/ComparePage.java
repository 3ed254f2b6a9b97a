package org.parley.console.compare;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;
import org.parley.cases.api.CaseList;
import org.parley.cases.api.CaseListFilters;
import org.parley.console.cases.Search;
import org.parley.console.clients.CompareClient;
import org.parley.console.web.Ctx;

/**
 * Compare: two coded dimensions counted against each other over the cases the user may see (the cases service
 * counts; the page lays out the grid). The case list's filters apply, as typed in its address.
 */
@Path("/compare")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ComparePage {

    static final String DEFAULT_ROWS = "context.groups.internalControl";
    static final String DEFAULT_COLS = "results.dealReached";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance crosstab(
                List<String> keys, String rows, String cols, Search search, CrossTabGrid grid);
    }

    private final Ctx ctx;
    private final CompareClient compare;

    @Inject
    public ComparePage(Ctx ctx, @RestClient CompareClient compare) {
        this.ctx = ctx;
        this.compare = compare;
    }

    @GET
    public TemplateInstance crosstab(
            @RestQuery String rows,
            @RestQuery String cols,
            @BeanParam CaseListFilters filters,
            @RestQuery String team) {
        // a key the codebook does not count falls back to the default rather than to an error page
        String rowKey = CaseList.CODED_FACETS.contains(rows) ? rows : DEFAULT_ROWS;
        String colKey = CaseList.CODED_FACETS.contains(cols) ? cols : DEFAULT_COLS;
        Search search = Search.of("/compare", filters, team);
        String mine = search.mine() ? "mine" : null;
        CrossTabGrid grid = CrossTabGrid.of(search.ask(asked -> compare.crosstab(rowKey, colKey, asked, mine)));
        return ctx.render(Templates.crosstab(CaseList.CODED_FACETS, rowKey, colKey, search, grid));
    }
}
