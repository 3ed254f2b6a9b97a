package org.parley.interviews.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Which cited excerpts the caller may see: how the cases service answers a citation of an excerpt only to a reader
 * who may see that excerpt, by the interviews service's own rule and with the reader's own token.
 */
@Path("/excerpts/visible")
@Tag(name = "excerpts")
public interface ExcerptVisibilityApi {

    /** At most this many excerpts per question. */
    int MAX_ASKED = 500;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Which of these excerpts the caller may see",
            description = "Excerpts written `<interview id>/<quote number>`, at most 500. The answer keeps, in the"
                    + " order asked, those the caller may see: every excerpt, proposed or approved, of an interview"
                    + " whose content they may read (a member of every linked case); only approved excerpts that the"
                    + " consent lets be shared for a partner whose grant covers excerpts on every linked case. An"
                    + " unknown excerpt and one the caller may not see are both simply left out; nothing is read, so"
                    + " nothing is audited.")
    @APIResponse(responseCode = "200", description = "The excerpts the caller may see, in the order asked")
    @APIResponse(
            responseCode = "400",
            description = "Not a list of `<interview id>/<quote number>`, or more than 500; the field is named",
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
    @APIResponse(
            responseCode = "503",
            description = "Access rules are being refreshed: everyone waits, members too",
            content = @Content(mediaType = InterviewsApi.PROBLEM, schema = @Schema(ref = "Problem")))
    CitedExcerpts visible(CitedExcerpts asked);
}
