package org.parley.interviews.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What waits for the caller in the interviews service, with their bearer token; no quote text, no content. Every
 * item is one the caller may see by the interview rules (the strictest linked case governs).
 */
@Path("/work-queue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "work queue", description = "What waits for the caller")
public interface InterviewWorkQueueApi {

    @GET
    @Operation(
            summary = "The caller's work queue",
            description = "Leads: proposed excerpts they may approve (they lead every linked case and the consent"
                    + " allows sharing). Partners: approved excerpts their organisation may read, approved after"
                    + " `since` (all of them when absent). Identity custodians: their own reveals of the last "
                    + InterviewWorkQueue.RECENT_REVEAL_DAYS
                    + " days. At most "
                    + InterviewWorkQueue.MAX_ITEMS
                    + " items per list, newest first; each list is empty for a role it is not about.")
    @APIResponse(responseCode = "200", description = "The caller's work queue")
    @APIResponse(
            responseCode = "400",
            description = "`since` is not an ISO-8601 instant",
            content = @Content(mediaType = InterviewsApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "401",
            description = "No valid token",
            content = @Content(mediaType = InterviewsApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "503",
            description = "The policies may be out of date",
            content = @Content(mediaType = InterviewsApi.PROBLEM, schema = @Schema(ref = "Problem")))
    InterviewWorkQueue workQueue(
            @Parameter(description = "Partners: only excerpts approved after this instant (e.g. the last visit)")
                    @QueryParam("since")
                    String since);
}
