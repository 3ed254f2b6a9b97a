package org.parley.console.compare;

import java.util.List;

import org.parley.cases.api.CaseList;
import org.parley.cases.api.CompareApi;
import org.parley.cases.api.codebook.Codebook;
import org.parley.console.web.Paths;

/**
 * What the Compare page was asked to show: the matrix's dimensions, the cross-tab's rows and columns, the truth
 * table's outcome. A key the codebook does not count falls back to the default rather than to an error page.
 *
 * @param dims the matrix's columns, in the codebook's order; also the truth table's conditions, less the outcome
 */
public record Comparison(List<String> dims, String rows, String cols, String outcome, String indicator) {

    /** The key of an effect's coded indicator, whose codes the effects across cases are asked for. */
    static final String INDICATOR = "results.effects.indicator";

    static final String DEFAULT_INDICATOR = "HOMICIDES";

    static final String DEFAULT_ROWS = "context.groups.internalControl";
    static final String DEFAULT_COLS = "results.dealReached";
    static final String DEFAULT_OUTCOME = "results.dealReached";

    /**
     * The dimensions shown before any is chosen: the paper's first question of strength, cohesion and ambition
     * against whether a deal was reached. All of them at once would make a truth table of every combination.
     */
    static final List<String> DEFAULT_DIMS = List.of(
            "context.entities.relativeStrength",
            "context.groups.internalControl",
            "process.objectives.scope",
            "results.dealReached");

    public static Comparison of(List<String> dims, String rows, String cols, String outcome) {
        return of(dims, rows, cols, outcome, null);
    }

    public static Comparison of(List<String> dims, String rows, String cols, String outcome, String indicator) {
        List<String> asked = dims == null ? List.of() : dims;
        List<String> chosen =
                CaseList.CODED_FACETS.stream().filter(asked::contains).toList();
        return new Comparison(
                chosen.isEmpty() ? DEFAULT_DIMS : chosen,
                orDefault(rows, DEFAULT_ROWS),
                orDefault(cols, DEFAULT_COLS),
                orDefault(outcome, DEFAULT_OUTCOME),
                indicators().contains(indicator) ? indicator : DEFAULT_INDICATOR);
    }

    /** The indicators an effect may be coded with, in the codebook's order. */
    public static List<String> indicators() {
        return Codebook.standard().dimension(INDICATOR).orElseThrow().codes();
    }

    private static String orDefault(String key, String fallback) {
        return CaseList.CODED_FACETS.contains(key) ? key : fallback;
    }

    /** The truth table's conditions: the matrix's dimensions but the outcome, as many as the service crosses. */
    public List<String> conditions() {
        return dims.stream()
                .filter(key -> !key.equals(outcome))
                .limit(CompareApi.MAX_CONDITIONS)
                .toList();
    }

    /** The dimensions the truth table leaves out for want of room, if any. */
    public boolean conditionsCut() {
        return dims.stream().filter(key -> !key.equals(outcome)).count() > CompareApi.MAX_CONDITIONS;
    }

    /** This choice as query parameters, each with its leading {@code &}. */
    public String query() {
        return Paths.params("dims", dims)
                + Paths.param("rows", rows)
                + Paths.param("cols", cols)
                + Paths.param("outcome", outcome)
                + Paths.param("indicator", indicator);
    }

    /** A search's address with this choice added. */
    public String url(String searchUrl) {
        return searchUrl + (searchUrl.contains("?") ? query() : "?" + query().substring(1));
    }
}
