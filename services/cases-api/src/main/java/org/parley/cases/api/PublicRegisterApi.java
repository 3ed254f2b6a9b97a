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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public register: exactly what an anonymous reader may see. A token, if one is sent, is ignored, so
 * the register reads the same for everyone. The OpenAPI descriptions sit here, not on the implementation (as on
 * {@link CasesApi}).
 */
@Path("/public/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "public register", description = "Cases and sections open to everyone, without a token")
@APIResponse(
        responseCode = "503",
        description = "Access decisions are stale (Retry-After)",
        content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
public interface PublicRegisterApi {

    /** The same filters as {@link CasesApi#list}, over public cases only. */
    @GET
    @Operation(summary = "List and search the public register", description = "Same parameters as GET /cases.")
    @APIResponse(
            responseCode = "200",
            description = "A page of public cases",
            content = @Content(schema = @Schema(implementation = CaseList.class)))
    @APIResponse(
            responseCode = "400",
            description = "A bad parameter",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    CaseList list(@BeanParam CaseListFilters filters);

    /** Only its public sections are present; the ETag is the case's version. */
    @GET
    @Path("{id}")
    @Operation(summary = "Read a public case", description = "Only its public sections are present.")
    @APIResponse(
            responseCode = "200",
            description = "The case",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such public case",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    CaseView read(@PathParam("id") String id);

    /** As {@link CodedCasesApi#readCoded}, for an anonymous reader: the public sections in the codebook's shape. */
    @GET
    @Path("{id}/coded")
    @Operation(
            summary = "Read a public case in the codebook's shape",
            description = "Only its public sections are present, without citations of interview excerpts.")
    @APIResponse(
            responseCode = "200",
            description = "The case",
            content = @Content(schema = @Schema(implementation = CodedCase.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such public case",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    CodedCase readCoded(@PathParam("id") String id);

    /** As {@link CaseLinksApi#links}, for an anonymous reader: links between two cases of the register. */
    @GET
    @Path("{id}/links")
    @Operation(
            summary = "The links of a public case",
            description = "The links between this case and other cases of the register, oldest first, a page at a"
                    + " time (limit and cursor as on GET /cases/{id}/links). A note is shown only where the CONTEXT"
                    + " of both cases is public.")
    @APIResponse(
            responseCode = "200",
            description = "A page of links",
            content = @Content(schema = @Schema(implementation = CaseLinkPage.class)))
    @APIResponse(
            responseCode = "400",
            description = "limit or cursor invalid, named",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No such public case",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    CaseLinkPage links(
            @PathParam("id") String id, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor);

    /** As {@link CompareApi#comparable}, for an anonymous reader: register cases, public sections. */
    @GET
    @Path("{id}/comparable")
    @Operation(
            summary = "Public cases comparable to one",
            description = "As GET /cases/{id}/comparable, for an anonymous reader: the register's cases most like"
                    + " this one, compared only on dimensions whose sections are public on both.")
    @APIResponse(
            responseCode = "200",
            description = "The comparable cases, most similar first",
            content = @Content(schema = @Schema(implementation = ComparableCase.class, type = SchemaType.ARRAY)))
    @APIResponse(
            responseCode = "400",
            description = "A bad filter, named",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No such public case",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    List<ComparableCase> comparable(@PathParam("id") String id, @BeanParam CaseListFilters filters);

    /** As {@link CompareApi#compare}, for an anonymous reader: public cases, public sections. */
    @GET
    @Path("compare")
    @Operation(
            summary = "Compare public cases along coded dimensions",
            description = "As GET /cases/compare, for an anonymous reader: the register's cases, each with the values"
                    + " of its public sections only (a key of another section is absent).")
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
            @BeanParam CaseListFilters filters);

    /** As {@link CompareApi#crosstab}, for an anonymous reader. */
    @GET
    @Path("crosstab")
    @Operation(
            summary = "Cross-tabulate two coded dimensions over public cases",
            description = "As GET /cases/crosstab, for an anonymous reader: a case counts only where both"
                    + " dimensions' sections are public.")
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
            @BeanParam CaseListFilters filters);

    /** As {@link CompareApi#effects}, for an anonymous reader. */
    @GET
    @Path("effects")
    @Operation(
            summary = "One indicator's effects across public cases",
            description = "As GET /cases/effects, for an anonymous reader: cases whose results are public.")
    @APIResponse(
            responseCode = "200",
            description = "The cases and their effects",
            content = @Content(schema = @Schema(implementation = CaseEffects.class)))
    @APIResponse(
            responseCode = "400",
            description = "A bad indicator or filter, named",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    CaseEffects effects(
            @QueryParam("indicator")
                    @Parameter(description = "a code of results.effects.indicator, e.g. HOMICIDES", required = true)
                    String indicator,
            @BeanParam CaseListFilters filters);

    /** As {@link CompareApi#truthTable}, for an anonymous reader. */
    @GET
    @Path("truthtable")
    @Operation(
            summary = "Truth table of coded conditions over public cases",
            description = "As GET /cases/truthtable, for an anonymous reader: a case counts only where the sections"
                    + " of every condition and of the outcome are public.")
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
            @BeanParam CaseListFilters filters);
}
