package org.parley.cases.compare;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.QueryParam;

import io.quarkus.security.Authenticated;
import org.parley.cases.api.CaseListFilters;
import org.parley.cases.api.CrossTab;
import org.parley.cases.api.CrossTabApi;
import org.parley.cases.api.codebook.Dimension;
import org.parley.cases.search.ListQuery;
import org.parley.web.CallerIdentity;
import org.parley.web.Problem;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/** {@code GET /cases/crosstab}; its description is {@link CrossTabApi}'s. */
@Authenticated
public class CrossTabResource implements CrossTabApi {

    private final CallerIdentity caller;
    private final CrossTabs crossTabs;

    @Inject
    public CrossTabResource(CallerIdentity caller, CrossTabs crossTabs) {
        this.caller = caller;
        this.crossTabs = crossTabs;
    }

    @Override
    // The parameters repeat the interface's names: parley-web's converters read them from the implementation.
    public CrossTab crosstab(
            @QueryParam("rows") String rows,
            @QueryParam("cols") String cols,
            CaseListFilters filters,
            @QueryParam("team") String team) {
        Dimension rowDimension = CrossTabs.codedDimension("rows", rows);
        Dimension colDimension = CrossTabs.codedDimension("cols", cols);
        ListQuery query = ListQuery.parse(filters);
        if (team != null && !"mine".equals(team)) {
            throw new ProblemException(Problems.invalid(List.of(new Problem.FieldError("team", "must be mine"))));
        }
        return crossTabs.crosstab(caller.viewer(), rowDimension, colDimension, query, team != null);
    }
}
