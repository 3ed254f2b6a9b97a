package org.parley.cases.compare;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import io.quarkus.security.Authenticated;
import org.parley.cases.api.CaseEffects;
import org.parley.cases.api.CaseListFilters;
import org.parley.cases.api.CaseMatrix;
import org.parley.cases.api.ComparableCase;
import org.parley.cases.api.CompareApi;
import org.parley.cases.api.CrossTab;
import org.parley.cases.api.TruthTable;
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
    // The parameters repeat the interface's names: parley-web's converters read them from the implementation.
    public CaseMatrix compare(
            @QueryParam("dims") String dims, CaseListFilters filters, @QueryParam("team") String team) {
        return comparisons.matrix(caller.viewer(), dims, filters, ListQuery.mine(team));
    }

    @Override
    public CaseEffects effects(
            @QueryParam("indicator") String indicator, CaseListFilters filters, @QueryParam("team") String team) {
        return comparisons.effects(caller.viewer(), indicator, filters, ListQuery.mine(team));
    }

    @Override
    public CrossTab crosstab(
            @QueryParam("rows") String rows,
            @QueryParam("cols") String cols,
            CaseListFilters filters,
            @QueryParam("team") String team) {
        return comparisons.crosstab(caller.viewer(), rows, cols, filters, ListQuery.mine(team));
    }

    @Override
    public TruthTable truthTable(
            @QueryParam("conditions") String conditions,
            @QueryParam("outcome") String outcome,
            CaseListFilters filters,
            @QueryParam("team") String team) {
        return comparisons.truthTable(caller.viewer(), conditions, outcome, filters, ListQuery.mine(team));
    }
}
