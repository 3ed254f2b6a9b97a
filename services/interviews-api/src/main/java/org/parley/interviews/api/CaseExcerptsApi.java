package org.parley.interviews.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How a partner finds what was shared with them: the approved excerpts of a case's interviews. */
@Path("/cases/{caseId}/excerpts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "excerpts")
public interface CaseExcerptsApi {

    /**
     * Only interviews whose every linked case lets the caller read excerpts and whose consent allows sharing;
     * one 404 for unknown and invisible cases.
     */
    @GET
    @Operation(
            summary = "Read the approved excerpts of a case's interviews",
            description = "Members, and partners whose grant covers excerpts. An interview appears only when the"
                    + " caller may read excerpts on every case it is linked to and its consent allows sharing;"
                    + " at most 200 interviews, newest first.")
    @APIResponse(responseCode = "200", description = "The approved excerpts, grouped by interview")
    @APIResponse(
            responseCode = "404",
            description = "No case with this id (or none whose excerpts the caller may read)",
            content = @Content(mediaType = InterviewsApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "503",
            description = "Access rules are being refreshed: everyone waits, members too, for every id",
            content = @Content(mediaType = InterviewsApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "401",
            description = "No valid bearer token",
            content = @Content(mediaType = InterviewsApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "403",
            description =
                    "Not answered by this endpoint (Quarkus lists a 403 on every secured one; it would be a problem)",
            content = @Content(mediaType = InterviewsApi.PROBLEM, schema = @Schema(ref = "Problem")))
    CaseExcerpts list(@PathParam("caseId") String caseId);

    /** For the dry run of a grant covering excerpts: what it would open, before anyone approves it. */
    @GET
    @Path("/opening")
    @Operation(
            summary = "Which approved excerpts an EXCERPTS grant to an organisation would open",
            description = "Secrecy admins of the case's owning organisation only. The approved excerpts, on"
                    + " interviews linked to the case and whose consent allows sharing, that a user of the"
                    + " organisation (no role, not on the team) would see if its grant on this case covered"
                    + " excerpts and does not see now; an interview also linked to other cases counts only"
                    + " when the organisation may already read excerpts on every one of them. Interview ids,"
                    + " months and excerpt numbers, never text.")
    @APIResponse(responseCode = "200", description = "The excerpts it would open (possibly none)")
    @APIResponse(
            responseCode = "400",
            description = "No organisation named",
            content = @Content(mediaType = InterviewsApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "403",
            description = "The caller knows the case but is not a secrecy admin of its owning organisation",
            content = @Content(mediaType = InterviewsApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No case with this id (or none the caller may know exists)",
            content = @Content(mediaType = InterviewsApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "503",
            description = "Access rules are being refreshed",
            content = @Content(mediaType = InterviewsApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "401",
            description = "No valid bearer token",
            content = @Content(mediaType = InterviewsApi.PROBLEM, schema = @Schema(ref = "Problem")))
    ExcerptsOpening opening(@PathParam("caseId") String caseId, @QueryParam("organisation") String organisation);
}
