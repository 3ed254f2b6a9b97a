package org.parley.cases.register;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.cases.api.CaseList;
import org.parley.cases.api.CaseListFilters;
import org.parley.cases.api.CaseView;
import org.parley.cases.api.PublicRegisterApi;
import org.parley.cases.casefile.CaseService;
import org.parley.cases.search.CaseSearch;
import org.parley.cases.search.ListQuery;
import org.parley.policy.Viewer;
import org.parley.web.Problem;

/**
 * The public register: exactly what an anonymous reader may see. A token, if one is sent, is ignored, so
 * the register reads the same for everyone.
 */
@PermitAll
@Tag(name = "public register", description = "Cases and sections open to everyone, without a token")
@APIResponse(
        responseCode = "503",
        description = "Access decisions are stale (Retry-After)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PublicRegisterResource implements PublicRegisterApi {

    private final CaseService cases;
    private final CaseSearch search;

    @Inject
    public PublicRegisterResource(CaseService cases, CaseSearch search) {
        this.cases = cases;
        this.search = search;
    }

    @Override
    @Operation(summary = "List and search the public register", description = "Same parameters as GET /cases.")
    @APIResponse(
            responseCode = "200",
            description = "A page of public cases",
            content = @Content(schema = @Schema(implementation = CaseList.class)))
    @APIResponse(
            responseCode = "400",
            description = "A bad parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CaseList list(CaseListFilters filters) {
        return search.list(Viewer.anonymous(), ListQuery.parse(filters));
    }

    @Override
    @Operation(summary = "Read a public case", description = "Only its public sections are present.")
    @APIResponse(
            responseCode = "200",
            description = "The case",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such public case",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    // The id repeats the interface's name: the parameter converters (parley-web) read it from this method,
    // and a NUL in it must stay a 400 naming it.
    public CaseView read(@PathParam("id") String id) {
        return cases.read(Viewer.anonymous(), id);
    }
}
