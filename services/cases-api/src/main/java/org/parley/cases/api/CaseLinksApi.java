package org.parley.cases.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Links between cases (issue 17): "this truce deterred that one". A link is shown only to a reader who may know that
 * both cases exist; to anyone else it is absent, as if never made, in every answer. Team members of the source case
 * make and remove links.
 */
@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "links", description = "Links between cases, shown only to readers who may know both ends")
@SecurityRequirement(name = "bearer")
@APIResponse(
        responseCode = "401",
        description = "No valid bearer token",
        content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
@APIResponse(
        responseCode = "503",
        description = "Access decisions are stale (Retry-After)",
        content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
public interface CaseLinksApi {

    /** Characters in a link's note, as in any text field of a case. */
    int MAX_NOTE = 10_000;

    /** Links a case may have as their source. */
    int MAX_LINKS = 200;

    @POST
    @Path("{id}/links")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Link this case to another",
            description = "Team members of this case (the source) only. target is the id of a case the caller may"
                    + " know exists; one the caller may not know and one that does not exist are refused alike (400"
                    + " naming target). A case is not linked to itself, nor twice with the same kind. note: at most "
                    + MAX_NOTE
                    + " characters, optional; shown only to readers who see the CONTEXT of both cases.")
    @RequestBody(required = true)
    @APIResponse(
            responseCode = "201",
            description = "The link (Location: its address)",
            content = @Content(schema = @Schema(implementation = CaseLink.class)))
    @APIResponse(
            responseCode = "400",
            description = "An invalid field (target, kind, note), named",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "403",
            description = "The caller sees the case but is not on its team",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No such case (also for one the caller may not know exists)",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "409",
            description = "The same link exists already, or the case has " + MAX_LINKS + " links",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    Response link(@PathParam("id") String id, NewCaseLink link);

    /** Links on a page unless the caller asks for another number. */
    int DEFAULT_PAGE = 50;

    /** The most links on one page, as for the case list. */
    int MAX_PAGE = 100;

    @GET
    @Path("{id}/links")
    @Operation(
            summary = "The links of a case",
            description = "The links from and to this case whose other end the caller may also know exists, oldest"
                    + " first, a page at a time; a link to a case the caller may not know leaves no trace (it takes"
                    + " no place on a page either).")
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
            description = "No such case (also for one the caller may not know exists)",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    CaseLinkPage links(
            @PathParam("id") String id,
            @Parameter(description = "Links on the page, 1 to " + MAX_PAGE + "; " + DEFAULT_PAGE + " unless given")
                    @QueryParam("limit")
                    String limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor);

    @DELETE
    @Path("{id}/links/{linkId}")
    @Operation(
            summary = "Remove a link",
            description = "Team members of the link's source case only. A link the caller may not see answers as"
                    + " one that never existed.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(
            responseCode = "403",
            description = "The caller sees the link but is not on the source case's team",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No such case or link (also for one the caller may not see)",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    Response unlink(@PathParam("id") String id, @PathParam("linkId") String linkId);
}
