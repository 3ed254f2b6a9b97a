package org.parley.interviews.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The excerpts of one interview: quotes proposed for sharing and approved by the leads. The proposal
 * ({@code POST}, body {@code {"quote": n, "researchQuestions": ["RQ3"]}}, the codes optional) is not declared here: the service checks it as its own constrained
 * record.
 */
@Path("/interviews/{id}/excerpts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "excerpts")
public interface ExcerptsApi {

    /** Members see all with their status; EXCERPTS grantees on every linked case see the approved ones. */
    @GET
    @Operation(
            summary = "Read the excerpts",
            description = "Members see all with their status; partners with an EXCERPTS grant on every linked case"
                    + " see approved ones, attributed as the consent allows.")
    @APIResponse(responseCode = "200", description = "The excerpts")
    @APIResponse(
            responseCode = "404",
            description = "No interview with this id (or none the caller may know of)",
            content = @Content(mediaType = InterviewsApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "503",
            description = "Access rules are being refreshed: everyone waits, members too, for every id",
            content = @Content(mediaType = InterviewsApi.PROBLEM, schema = @Schema(ref = "Problem")))
    Excerpts list(@PathParam("id") String id);

    /**
     * Approval by the lead of every linked case (403 for anyone else); 422 when the consent forbids sharing.
     * If-Match names the interview's version the lead approved from (its ETag): every change of the quote, the
     * consent, the attribution or the linked cases makes a new version, so an approval of what the lead did not
     * see is a 412, and one without the header a 428.
     */
    @POST
    @Path("/{n}/approval")
    @Operation(
            summary = "Approve an excerpt for sharing",
            description = "The lead of every linked case, naming in If-Match the interview's version they read"
                    + " (its ETag): the quote, consent, attribution and linked cases approved are that version's.")
    @APIResponse(responseCode = "200", description = "Approved")
    @APIResponse(
            responseCode = "403",
            description = "Not the lead of every linked case",
            content = @Content(mediaType = InterviewsApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No such interview or excerpt",
            content = @Content(mediaType = InterviewsApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "422",
            description = "The consent does not allow quoting to partners",
            content = @Content(mediaType = InterviewsApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "412",
            description = "The interview changed since the version in If-Match: read it again before approving",
            content = @Content(mediaType = InterviewsApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "428",
            description = "No If-Match (or If-Match: *): an approval names the version it was made from",
            content = @Content(mediaType = InterviewsApi.PROBLEM, schema = @Schema(ref = "Problem")))
    ExcerptView approve(
            @PathParam("id") String id,
            @PathParam("n") String n,
            @Parameter(required = true, description = "The interview's version read, as its ETag (\"3\")")
                    @HeaderParam("If-Match")
                    String ifMatch);
}
