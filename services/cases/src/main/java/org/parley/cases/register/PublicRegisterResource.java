package org.parley.cases.register;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.parley.cases.api.CaseEffects;
import org.parley.cases.api.CaseLinkPage;
import org.parley.cases.api.CaseList;
import org.parley.cases.api.CaseListFilters;
import org.parley.cases.api.CaseMatrix;
import org.parley.cases.api.CaseView;
import org.parley.cases.api.CodedCase;
import org.parley.cases.api.ComparableCase;
import org.parley.cases.api.CrossTab;
import org.parley.cases.api.PublicRegisterApi;
import org.parley.cases.api.TruthTable;
import org.parley.cases.casefile.CaseService;
import org.parley.cases.compare.Comparisons;
import org.parley.cases.links.CaseLinks;
import org.parley.cases.search.CaseSearch;
import org.parley.cases.search.ListQuery;
import org.parley.policy.Viewer;

/**
 * The public register: exactly what an anonymous reader may see. A token, if one is sent, is ignored, so
 * the register reads the same for everyone. Its OpenAPI descriptions are on {@link PublicRegisterApi}.
 */
@PermitAll
public class PublicRegisterResource implements PublicRegisterApi {

    private final CaseService cases;
    private final CaseSearch search;
    private final CaseLinks links;
    private final Comparisons comparisons;

    @Inject
    public PublicRegisterResource(CaseService cases, CaseSearch search, CaseLinks links, Comparisons comparisons) {
        this.cases = cases;
        this.search = search;
        this.links = links;
        this.comparisons = comparisons;
    }

    @Override
    public CaseList list(CaseListFilters filters) {
        return search.list(Viewer.anonymous(), ListQuery.parse(filters));
    }

    @Override
    // The id repeats the interface's name: the parameter converters (parley-web) read it from this method,
    // and a NUL in it must stay a 400 naming it.
    public CaseView read(@PathParam("id") String id) {
        return cases.read(Viewer.anonymous(), id);
    }

    @Override
    public CodedCase readCoded(@PathParam("id") String id) {
        return cases.readCoded(Viewer.anonymous(), id);
    }

    @Override
    public CaseLinkPage links(
            @PathParam("id") String id, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return links.links(Viewer.anonymous(), id, limit, cursor);
    }

    @Override
    public List<ComparableCase> comparable(@PathParam("id") String id, CaseListFilters filters) {
        return comparisons.comparable(Viewer.anonymous(), id, ListQuery.parse(filters));
    }

    @Override
    public CaseMatrix compare(@QueryParam("dims") String dims, CaseListFilters filters) {
        return comparisons.matrix(Viewer.anonymous(), dims, filters, false);
    }

    @Override
    public CaseEffects effects(@QueryParam("indicator") String indicator, CaseListFilters filters) {
        return comparisons.effects(Viewer.anonymous(), indicator, filters, false);
    }

    @Override
    public CrossTab crosstab(
            @QueryParam("rows") String rows, @QueryParam("cols") String cols, CaseListFilters filters) {
        return comparisons.crosstab(Viewer.anonymous(), rows, cols, filters, false);
    }

    @Override
    public TruthTable truthTable(
            @QueryParam("conditions") String conditions,
            @QueryParam("outcome") String outcome,
            CaseListFilters filters) {
        return comparisons.truthTable(Viewer.anonymous(), conditions, outcome, filters, false);
    }
}
