package org.parley.cases.api;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The cases service's endpoints for signed-in users that the console calls, with the caller's bearer token.
 * A case the caller may not know exists answers 404 exactly as an id that never existed; every refusal is
 * an RFC 9457 problem ({@code application/problem+json}). The edit of a section ({@code PATCH
 * /cases/{id}/{section}}, a JSON merge patch) is not declared here: its body is untyped JSON by design
 * (RFC 7386), which each side holds in its own JSON library's type. The OpenAPI descriptions sit here, not on
 * the implementation: the service's /q/openapi takes this interface's; a problem's schema is the service's
 * {@code Problem} component.
 */
@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cases", description = "Negotiation cases, filtered by the secrecy rules")
@SecurityRequirement(name = "bearer")
@APIResponse(
        responseCode = "401",
        description = "No valid bearer token",
        content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
@APIResponse(
        responseCode = "503",
        description = "Access decisions are stale (Retry-After): only the case's members are served",
        content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
public interface CasesApi {

    /** The media type of every refusal (RFC 9457). */
    String PROBLEM = "application/problem+json";

    /**
     * Only cases the caller may know exist; total and facets count the whole filtered result.
     *
     * @param team "mine": only cases whose team the caller is on (total and facets too); anything else is a 400
     */
    @GET
    @Operation(
            summary = "List and search cases",
            description = "Only cases the caller may know exist; total and facets count the whole filtered"
                    + " result. q searches only the sections the caller may see. Repeat a filter to allow"
                    + " several values. If access decisions are stale, 503 for everyone: no stale membership"
                    + " is trusted.")
    @Parameter(
            name = "team",
            in = ParameterIn.QUERY,
            description = "mine: only cases whose team the caller is on (total and facets too)",
            schema = @Schema(enumeration = {"mine"}))
    @APIResponse(
            responseCode = "200",
            description = "A page of cases",
            content = @Content(schema = @Schema(implementation = CaseList.class)))
    @APIResponse(
            responseCode = "400",
            description = "A bad parameter",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    CaseList list(@BeanParam CaseListFilters filters, @QueryParam("team") String team);

    /** Only the sections the caller may see are present; the ETag is the case's version. */
    @GET
    @Path("{id}")
    @Operation(summary = "Read a case", description = "Only the sections the caller may see are present.")
    @APIResponse(
            responseCode = "200",
            description = "The case",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such case (also for one the caller may not know exists)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    CaseView read(@PathParam("id") String id);

    /**
     * Adds a timeline entry (team members only): 201 with the entry, its ETag the case's new version; 412 when
     * If-Match does not name the current version, 409 when the timeline is full.
     */
    @POST
    @Path("{id}/process/timeline")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a timeline entry", description = "Team members only.")
    @RequestBody(required = true)
    @APIResponse(
            responseCode = "201",
            description = "The entry; ETag is the case's new version",
            content = @Content(schema = @Schema(implementation = TimelineEntry.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid entry",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "403",
            description = "The caller sees the case but is not on its team",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No such case",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "409",
            description = "The timeline is full",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "412",
            description = "If-Match does not name the current version",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    Response addTimelineEntry(
            @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, NewTimelineEntry entry);
}
