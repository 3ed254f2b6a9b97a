package org.parley.cases.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Cases in the codebook's shape, for signed-in users: every dimension of the codebook, several entities, groups,
 * mediators and effects per case, dates at their precision, citations. {@code PATCH /cases/{id}/coded/{section}}
 * (a JSON merge patch of the same document) is declared on the service only, as the first shape's PATCH is.
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
public interface CodedCasesApi {

    /** The sections the caller may see, in the codebook's shape; the ETag is the version. */
    @GET
    @Path("{id}/coded")
    @Operation(
            summary = "Read a case in the codebook's shape",
            description = "Only the sections the caller may see are present; a citation of an interview excerpt"
                    + " only when the caller may see that excerpt.")
    @APIResponse(
            responseCode = "200",
            description = "The case",
            content = @Content(schema = @Schema(implementation = CodedCase.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such case (also for one the caller may not know exists)",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    CodedCase readCoded(@PathParam("id") String id);

    /** Replaces one coded section (team members only), checked against the codebook. */
    @PUT
    @Path("{id}/coded/{section}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replace one section in the codebook's shape",
            description = "section is header, context, process or results. The whole section, checked against the"
                    + " codebook: a 400 names every field it refuses (e.g. context.groups[1].internalControl)."
                    + " Dates keep the precision written (a header period of \"2012\" stays a year). The"
                    + " header's tier and release are the access service's; the timeline has its own endpoint."
                    + " Team members only; If-Match is required.")
    @APIResponse(
            responseCode = "200",
            description = "The case after the edit; ETag is its new version",
            content = @Content(schema = @Schema(implementation = CodedCase.class)))
    @APIResponse(
            responseCode = "400",
            description = "The section breaks the codebook",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "403",
            description = "The caller sees the case but is not on its team",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No such case or section",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "412",
            description = "If-Match does not name the current version",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "428",
            description = "No If-Match: an edit must name the version it was made from",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    CodedCase replaceCoded(
            @PathParam("id") String id,
            @Parameter(schema = @Schema(enumeration = {"header", "context", "process", "results"}))
                    @PathParam("section")
                    String section,
            @Parameter(required = true, description = "The version read, as its ETag (\"3\")") @HeaderParam("If-Match")
                    String ifMatch,
            @RequestBody(required = true, content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
                    ObjectNode document);
}
