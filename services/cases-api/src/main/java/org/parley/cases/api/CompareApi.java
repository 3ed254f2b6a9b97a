package org.parley.cases.api;

import java.util.List;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Comparing cases along the codebook's dimensions (issue 17): the matrix, the cross-tabulation, the truth table and
 * the cases comparable to one. Each takes every filter of the case list and shows or counts only what the list would show the caller.
 */
@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "compare", description = "Cases compared along coded dimensions, within the secrecy rules")
@SecurityRequirement(name = "bearer")
@APIResponse(
        responseCode = "401",
        description = "No valid bearer token",
        content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
@APIResponse(
        responseCode = "503",
        description = "Access decisions are stale (Retry-After)",
        content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
public interface CompareApi {

    @GET
    @Path("compare")
    @Operation(
            summary = "Compare cases along coded dimensions",
            description = "A page of the cases the list would show the caller (same filters, order, limit and"
                    + " cursor), each with its values of the chosen dimensions (1 or more keys of"
                    + " CaseList.CODED_FACETS, every coded facet of the codebook, comma-separated). A value whose section the caller may not see is absent from the row's"
                    + " values; an uncoded one is null; a dimension with several values, or in a repeated block, gives"
                    + " the list of its distinct codes.")
    @APIResponse(
            responseCode = "200",
            description = "The dimensions, a page of rows, the total and the next cursor",
            content = @Content(schema = @Schema(implementation = CaseMatrix.class)))
    @APIResponse(
            responseCode = "400",
            description = "A bad key or filter, named",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    CaseMatrix compare(
            @QueryParam("dims")
                    @Parameter(description = "codebook keys of the columns, comma-separated", required = true)
                    String dims,
            @BeanParam CaseListFilters filters,
            @QueryParam("team") @Parameter(description = "mine: only cases whose team the caller is on") String team);

    @GET
    @Path("effects")
    @Operation(
            summary = "One indicator's effects across cases",
            description = "A page of the cases the list would show the caller (same filters, order, limit and"
                    + " cursor) whose RESULTS the caller may see and that coded the indicator, each with its effects"
                    + " of it: before and after (numbers or low-high ranges), change in percent, direction, unit,"
                    + " period and source, as the codebook's results.effects entries. Citations are left out.")
    @APIResponse(
            responseCode = "200",
            description = "The cases and their effects",
            content = @Content(schema = @Schema(implementation = CaseEffects.class)))
    @APIResponse(
            responseCode = "400",
            description = "An indicator that is no code of results.effects.indicator, or a bad filter, named",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    CaseEffects effects(
            @QueryParam("indicator")
                    @Parameter(description = "a code of results.effects.indicator, e.g. HOMICIDES", required = true)
                    String indicator,
            @BeanParam CaseListFilters filters,
            @QueryParam("team") @Parameter(description = "mine: only cases whose team the caller is on") String team);

    @GET
    @Path("crosstab")
    @Operation(
            summary = "Cross-tabulate two coded dimensions",
            description = "Counts the cases the list would show the caller, by the values of two coded dimensions"
                    + " (keys of CaseList.CODED_FACETS). A case counts only where the caller may see the sections"
                    + " of both dimensions; uncoded counts under null; a dimension with several values counts a"
                    + " case once per value. Takes every filter of GET /cases.")
    @APIResponse(
            responseCode = "200",
            description = "The cells and the number of cases counted",
            content = @Content(schema = @Schema(implementation = CrossTab.class)))
    @APIResponse(
            responseCode = "400",
            description = "A bad key or filter, named",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    CrossTab crosstab(
            @QueryParam("rows") @Parameter(description = "codebook key of the rows' dimension", required = true)
                    String rows,
            @QueryParam("cols") @Parameter(description = "codebook key of the columns' dimension", required = true)
                    String cols,
            @BeanParam CaseListFilters filters,
            @QueryParam("team") @Parameter(description = "mine: only cases whose team the caller is on") String team);

    @GET
    @Path("truthtable")
    @Operation(
            summary = "Truth table of coded conditions against an outcome",
            description = "The configurations of the conditions (keys of CaseList.CODED_FACETS, 1 to "
                    + MAX_CONDITIONS
                    + ", comma-separated) across the cases the list would show the caller, and how the outcome is"
                    + " spread in each. A case counts only where the caller may see the sections of every condition"
                    + " and of the outcome; uncoded is null (\"null\" among outcomes); a dimension with several"
                    + " values puts a case in one configuration per value. Takes every filter of GET /cases.")
    @APIResponse(
            responseCode = "200",
            description = "The configurations and the number of cases counted",
            content = @Content(schema = @Schema(implementation = TruthTable.class)))
    @APIResponse(
            responseCode = "400",
            description = "A bad key or filter, named",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    TruthTable truthTable(
            @QueryParam("conditions")
                    @Parameter(description = "codebook keys of the conditions, comma-separated", required = true)
                    String conditions,
            @QueryParam("outcome") @Parameter(description = "codebook key of the outcome", required = true)
                    String outcome,
            @BeanParam CaseListFilters filters,
            @QueryParam("team") @Parameter(description = "mine: only cases whose team the caller is on") String team);

    @GET
    @Path("{id}/comparable")
    @Operation(
            summary = "Cases comparable to one",
            description = "The cases the list would show the caller (same filters; limit, default 20) most like this"
                    + " one on the coded dimensions (keys of CaseList.CODED_FACETS) the caller may see on both and"
                    + " both have coded: the share that share a value first, then the number of them. Each says"
                    + " which dimensions match and which differ. A case with no dimension to compare is left out; a"
                    + " case the caller may not see is never named nor counted.")
    @APIResponse(
            responseCode = "200",
            description = "The comparable cases, most similar first",
            content = @Content(schema = @Schema(implementation = ComparableCase.class, type = SchemaType.ARRAY)))
    @APIResponse(
            responseCode = "400",
            description = "A bad filter, named (a cursor too: comparable cases come in one page)",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No such case, or one the caller may not know exists (the same answer)",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    List<ComparableCase> comparable(
            @PathParam("id") @Parameter(description = "the case to compare the others with") String id,
            @BeanParam CaseListFilters filters);

    /** The most conditions a truth table crosses (2^8 configurations of yes/no conditions already). */
    int MAX_CONDITIONS = 8;

    /** The most dimensions a matrix shows: every coded facet. */
    int MAX_DIMENSIONS = CaseList.CODED_FACETS.size();
}
