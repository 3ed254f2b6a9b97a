package org.parley.access.api;

import jakarta.ws.rs.GET;
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
 * What waits for the caller in the access service, called with their bearer token: for a secrecy admin the
 * requests they may decide and the grants about to expire on their organisation's cases; for a partner the cases
 * newly shared with their organisation since their last visit. Nothing in it is about a case the caller may not
 * know exists.
 */
@Path("/work-queue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "work queue", description = "What waits for the caller")
public interface WorkQueueApi {

    /** Every list is empty for a role it is not about; nobody is refused. */
    @GET
    @Operation(
            summary = "The caller's work queue",
            description = "Secrecy admins: pending requests they may decide (never their own, never one that would"
                    + " put them on a team) and active grants on their organisation's cases expiring within "
                    + WorkQueueView.EXPIRING_WITHIN_DAYS
                    + " days. Partners: active grants to their organisation issued since their last visit"
                    + " (every active one before a first visit).")
    @APIResponse(responseCode = "200", description = "The caller's work queue")
    @APIResponse(
            responseCode = "401",
            description = "No valid token",
            content = @Content(mediaType = CaseAccessApi.PROBLEM, schema = @Schema(ref = "Problem")))
    WorkQueueView workQueue();

    /** Records now as the caller's last visit: what was shared before it is no longer new. */
    @POST
    @Path("/visit")
    @Operation(
            summary = "Record a visit of the work queue",
            description = "What was shared with the caller's organisation before now is no longer new to them.")
    @APIResponse(responseCode = "200", description = "The visit recorded, as the next work queue reports it")
    @APIResponse(
            responseCode = "401",
            description = "No valid token",
            content = @Content(mediaType = CaseAccessApi.PROBLEM, schema = @Schema(ref = "Problem")))
    WorkQueueView.Visit visit();
}
