package org.parley.access.api;

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

/** Who works on a case, called with the caller's bearer token; refusals as in {@link CaseAccessApi}. */
@Path("/cases/{id}/team")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "teams", description = "Who works on a case")
public interface TeamApi {

    /** For the team and the owner's secrecy admins (others who know the case: 403). */
    @GET
    @Operation(
            summary = "A case's team",
            description = "Lead, members and the owner's secrecy admins; for the team and those admins.")
    @APIResponse(responseCode = "200", description = "The team")
    @APIResponse(
            responseCode = "403",
            description = "The caller knows the case but is neither on its team nor its admin",
            content = @Content(mediaType = CaseAccessApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", ref = "CaseNotFound")
    TeamView team(@PathParam("id") String caseId);

    /**
     * 200 with the {@link TeamView}: on the team at once (the lead adds, or a role changes); 202 with the
     * {@link RequestView}: a secrecy admin who is not the lead asked, a second secrecy admin must approve.
     */
    @POST
    @Operation(
            summary = "Put someone on the team",
            description = "The user (by username or subject) must be staff of the case's organisation. The lead"
                    + " adds at once (200). A secrecy admin who is not the lead, adding herself above all, files"
                    + " a request a different secrecy admin must approve, never the person who would join (202)."
                    + " Changing the role of someone already on the team is immediate by either. Naming a new"
                    + " LEAD makes the previous lead a member.")
    @APIResponse(responseCode = "200", description = "The team after the change")
    @APIResponse(responseCode = "202", description = "Requested; see the Location header")
    @APIResponse(
            responseCode = "400",
            description = "Invalid fields, or no staff member of the organisation by that name or subject (one"
                    + " answer whether the name is unknown or belongs to someone else)",
            content = @Content(mediaType = CaseAccessApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "403",
            description = "Neither the lead nor a secrecy admin",
            content = @Content(mediaType = CaseAccessApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", ref = "CaseNotFound")
    Response putOnTeam(@PathParam("id") String caseId, TeamChange change);

    /** Tightening, at once; {@code subject} is a subject on the team or the username of one. */
    @DELETE
    @Path("/{subject}")
    @Operation(
            summary = "Take someone off the team",
            description = "Tightening: immediate, by the lead or a secrecy admin, with a reason.")
    @APIResponse(responseCode = "200", description = "The team after the change")
    @APIResponse(
            responseCode = "400",
            description = "Missing reason",
            content = @Content(mediaType = CaseAccessApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "403",
            description = "Neither the lead nor a secrecy admin",
            content = @Content(mediaType = CaseAccessApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No such case (or one the caller may not know), or not on the team",
            content = @Content(mediaType = CaseAccessApi.PROBLEM, schema = @Schema(ref = "Problem")))
    TeamView takeOffTeam(
            @PathParam("id") String caseId, @PathParam("subject") String subject, @QueryParam("reason") String reason);
}
