package org.parley.console.compare;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;
import org.parley.cases.api.CaseEffects;
import org.parley.cases.api.CaseListFilters;
import org.parley.cases.api.CaseMatrix;
import org.parley.cases.api.CrossTab;
import org.parley.cases.api.TruthTable;
import org.parley.console.clients.CompareClient;

/**
 * Compare, signed in: the cases the user may see side by side, two coded dimensions counted against each other, and
 * a truth table; the cases service decides and counts as the user. The case list's filters apply, as typed in its
 * address, {@code team=mine} included.
 */
@Path("/compare")
@Authenticated
public class ComparePage {

    private final ComparePages pages;
    private final CompareClient compare;

    @Inject
    public ComparePage(ComparePages pages, @RestClient CompareClient compare) {
        this.pages = pages;
        this.compare = compare;
    }

    /** The signed-in user's cases, only their team's with {@code team=mine}. */
    private CompareSource source(String team) {
        String mine = "mine".equals(team) ? "mine" : null;
        return new CompareSource() {
            @Override
            public CaseMatrix compare(String dims, CaseListFilters filters) {
                return compare.compare(dims, filters, mine);
            }

            @Override
            public CrossTab crosstab(String rows, String cols, CaseListFilters filters) {
                return compare.crosstab(rows, cols, filters, mine);
            }

            @Override
            public TruthTable truthTable(String conditions, String outcome, CaseListFilters filters) {
                return compare.truthTable(conditions, outcome, filters, mine);
            }

            @Override
            public CaseEffects effects(String indicator, CaseListFilters filters) {
                return compare.effects(indicator, filters, mine);
            }

            @Override
            public String base() {
                return "/compare";
            }

            @Override
            public String caseBase() {
                return "/cases/";
            }
        };
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Object compare(
            @RestQuery List<String> dims,
            @RestQuery String rows,
            @RestQuery String cols,
            @RestQuery String outcome,
            @RestQuery String indicator,
            @BeanParam CaseListFilters filters,
            @RestQuery String team) {
        return pages.page(source(team), Comparison.of(dims, rows, cols, outcome, indicator), filters, team);
    }

    /** The page of the matrix the user sees, as CSV, with labels in their language. */
    @GET
    @Path("matrix.csv")
    @Produces("text/csv")
    public Response matrixCsv(
            @RestQuery List<String> dims, @BeanParam CaseListFilters filters, @RestQuery String team) {
        return pages.csv(source(team), Comparison.of(dims, null, null, null), filters, team);
    }
}
