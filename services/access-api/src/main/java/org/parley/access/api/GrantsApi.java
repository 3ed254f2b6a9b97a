package org.parley.access.api;

import java.util.List;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Partner organisations' access to a case, called with the caller's bearer token; refusals as in {@link CaseAccessApi}. */
@Path("/cases/{id}/grants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "grants", description = "Partner organisations' access to a case")
public interface GrantsApi {

    /** Secrecy admins of the owner see all, with reasons; the team all active ones; a grantee its own. */
    @GET
    @Operation(
            summary = "A case's grants",
            description = "Secrecy admins of the owner see all, with reasons; the team sees all active grants;"
                    + " a grantee sees only its own organisation's.")
    @APIResponse(responseCode = "200", description = "The grants the caller may know of")
    @APIResponse(responseCode = "404", ref = "CaseNotFound")
    List<GrantView> grants(@PathParam("id") String caseId);

    /**
     * 201 with the {@link GrantView} (SUMMARY, RESULTS: issued at once), or 202 with the {@link RequestView}
     * (PROCESS, EXCERPTS: a different secrecy admin must approve).
     */
    @POST
    @Operation(
            summary = "Grant a partner organisation access",
            description = "SUMMARY and RESULTS: issued at once by one secrecy admin (201). PROCESS and EXCERPTS:"
                    + " a request a different secrecy admin must approve (202). An organisation holds one active"
                    + " grant per case: a wider or longer grant replaces its current one (which ends as REPLACED"
                    + " in the same policy version); one that would not widen it is a 409.")
    @APIResponse(responseCode = "201", description = "Issued")
    @APIResponse(responseCode = "202", description = "Requested; see the Location header")
    @APIResponse(
            responseCode = "400",
            description = "Unknown organisation or scope, the owning organisation, an expiry in the past, no reason",
            content = @Content(mediaType = CaseAccessApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "403", ref = "NotCaseSecrecyAdmin")
    @APIResponse(responseCode = "404", ref = "CaseNotFound")
    @APIResponse(
            responseCode = "409",
            description = "The organisation already holds a grant on the case at least as wide and as long;"
                    + " revoke it first to narrow it",
            content = @Content(mediaType = CaseAccessApi.PROBLEM, schema = @Schema(ref = "Problem")))
    Response issueGrant(@PathParam("id") String caseId, NewGrant grant);

    /** Tightening, at once; 409 when the grant has already ended. */
    @DELETE
    @Path("/{grantId}")
    @Operation(summary = "Revoke a grant", description = "Tightening: immediate, by one secrecy admin, with a reason.")
    @APIResponse(responseCode = "200", description = "Revoked")
    @APIResponse(
            responseCode = "400",
            description = "Missing reason",
            content = @Content(mediaType = CaseAccessApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "403", ref = "NotCaseSecrecyAdmin")
    @APIResponse(
            responseCode = "404",
            description = "No such case (or one the caller may not know), or no such grant",
            content = @Content(mediaType = CaseAccessApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "409",
            description = "The grant has already ended",
            content = @Content(mediaType = CaseAccessApi.PROBLEM, schema = @Schema(ref = "Problem")))
    GrantView revokeGrant(
            @PathParam("id") String caseId, @PathParam("grantId") String grantId, @QueryParam("reason") String reason);
}
