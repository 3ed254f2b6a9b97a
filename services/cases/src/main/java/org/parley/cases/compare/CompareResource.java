package org.parley.cases.compare;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import io.quarkus.security.Authenticated;
import org.parley.cases.api.CaseListFilters;
import org.parley.cases.api.CaseMatrix;
import org.parley.cases.api.ComparableCase;
import org.parley.cases.api.CompareApi;
import org.parley.cases.api.CrossTab;
import org.parley.cases.api.TruthTable;
import org.parley.cases.api.codebook.Dimension;
import org.parley.cases.search.ListQuery;
import org.parley.web.CallerIdentity;

/** {@code GET /cases/compare}, {@code /cases/{id}/comparable}, {@code GET /cases/crosstab} and {@code GET /cases/truthtable}; their descriptions are {@link CompareApi}'s. */
@Authenticated
public class CompareResource implements CompareApi {

    private final CallerIdentity caller;
    private final Comparisons comparisons;

    @Inject
    public CompareResource(CallerIdentity caller, Comparisons comparisons) {
        this.caller = caller;
        this.comparisons = comparisons;
    }

    @Override
    public List<ComparableCase> comparable(@PathParam("id") String id, CaseListFilters filters) {
        ListQuery query = ListQuery.parse(filters);
        return comparisons.comparable(caller.viewer(), id, query);
    }

    @Override
    public CaseMatrix compare(
            @QueryParam("dims") String dims, CaseListFilters filters, @QueryParam("team") String team) {
        List<Dimension> dimensions = Comparisons.codedDimensions("dims", dims, CompareApi.MAX_DIMENSIONS);
        ListQuery query = ListQuery.parse(filters);
        return comparisons.matrix(caller.viewer(), dimensions, query, ListQuery.mine(team));
    }

    @Override
    // The parameters repeat the interface's names: parley-web's converters read them from the implementation.
    public CrossTab crosstab(
            @QueryParam("rows") String rows,
            @QueryParam("cols") String cols,
            CaseListFilters filters,
            @QueryParam("team") String team) {
        Dimension rowDimension = Comparisons.codedDimension("rows", rows);
        Dimension colDimension = Comparisons.codedDimension("cols", cols);
        ListQuery query = ListQuery.parse(filters);
        return comparisons.crosstab(caller.viewer(), rowDimension, colDimension, query, ListQuery.mine(team));
    }

    @Override
    public TruthTable truthTable(
            @QueryParam("conditions") String conditions,
            @QueryParam("outcome") String outcome,
            CaseListFilters filters,
            @QueryParam("team") String team) {
        List<Dimension> conditionDimensions =
                Comparisons.codedDimensions("conditions", conditions, CompareApi.MAX_CONDITIONS);
        Dimension outcomeDimension = Comparisons.codedDimension("outcome", outcome);
        ListQuery query = ListQuery.parse(filters);
        return comparisons.truthTable(
                caller.viewer(), conditionDimensions, outcomeDimension, query, ListQuery.mine(team));
    }
}
