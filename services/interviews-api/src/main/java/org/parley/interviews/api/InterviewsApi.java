package org.parley.interviews.api;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The interviews of the caller's cases, with the caller's bearer token. An interview the caller may not know
 * of answers 404 exactly as an id that never existed; every refusal is an RFC 9457 problem. The bodies of
 * {@code POST /interviews} and {@code PATCH /interviews/{id}} are not declared here: the service checks them as
 * its own constrained records, which an implementing method cannot declare (Bean Validation).
 */
@Path("/interviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "interviews")
public interface InterviewsApi {

    /** The media type of every refusal (RFC 9457); its schema is the service's {@code Problem} component. */
    String PROBLEM = "application/problem+json";

    /**
     * Only interviews whose every linked case has the caller as a member; {@code total} counts those only.
     * Repeated {@code case} and {@code theme} must all match; repeated {@code question} (a research question's
     * code in the codebook, RQ1 to RQ8) matches interviews tagged with any of them; months are YYYY-MM; a bad
     * value is a 400 naming it.
     */
    @GET
    @Operation(
            summary = "Search interviews",
            description =
                    "Only interviews whose every linked case has the caller as a member; totals count those only.")
    @APIResponse(responseCode = "200", description = "A page of interviews (no content)")
    InterviewPage search(@BeanParam InterviewListFilters filters);

    /** The content, for members of every linked case (never the identity); the ETag is its version. */
    @GET
    @Path("/{id}")
    @Operation(
            summary = "Read an interview's content",
            description = "Members of every linked case. Everyone else gets the answer for an id that never existed.")
    @APIResponse(responseCode = "200", description = "The interview (never the identity); ETag is its version")
    @APIResponse(
            responseCode = "403",
            description = "A partner whose grant covers approved excerpts only",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No interview with this id (or none the caller may know of)",
            content = @Content(mediaType = InterviewsApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "503",
            description = "Access rules are being refreshed: everyone waits, members too, for every id",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    InterviewView read(@PathParam("id") String id);

    /** Who changed what and when, for exactly those who may read the interview; never a value. */
    @GET
    @Path("/{id}/history")
    @Operation(
            summary = "An interview's version history",
            description = "Members of every linked case, as for reading it: each version with who made it, when and"
                    + " the names of the fields that changed, newest first; never a value. Everyone else gets the"
                    + " answer for an id that never existed.")
    @APIResponse(responseCode = "200", description = "The versions, newest first")
    @APIResponse(
            responseCode = "403",
            description = "A partner whose grant covers approved excerpts only",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No interview with this id (or none the caller may know of)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "503",
            description = "Access rules are being refreshed: everyone waits, members too, for every id",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem")))
    InterviewHistory history(@PathParam("id") String id);
}
