package org.parley.access.api;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
 * Loosening changes waiting for a second secrecy admin, for secrecy admins, called with their bearer token. A
 * request on a case the caller may not know exists answers 404 exactly as an id that never existed.
 */
@Path("/secrecy-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "secrecy requests", description = "Loosening changes waiting for a second secrecy admin")
public interface SecrecyRequestsApi {

    /** The requests on the caller's organisation's cases, newest first; {@code status} absent: all (else 400). */
    @GET
    @Operation(
            summary = "List secrecy change requests",
            description = "Secrecy admins only: the requests on their organisation's cases, newest first.")
    @APIResponse(responseCode = "200", description = "The requests")
    @APIResponse(
            responseCode = "400",
            description = "Unknown status",
            content = @Content(mediaType = CaseAccessApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "403",
            description = "Not a secrecy admin",
            content = @Content(mediaType = CaseAccessApi.PROBLEM, schema = @Schema(ref = "Problem")))
    List<RequestView> requests(
            @Parameter(description = "PENDING, APPROVED, REJECTED, EXPIRED or WITHDRAWN; all when absent")
                    @QueryParam("status")
                    String status);

    @GET
    @Path("/{id}")
    @Operation(summary = "One secrecy change request", description = "For secrecy admins of the case's organisation.")
    @APIResponse(responseCode = "200", description = "The request")
    @APIResponse(
            responseCode = "403",
            description = "The caller knows the case but is not its secrecy admin",
            content = @Content(mediaType = CaseAccessApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", ref = "RequestNotFound")
    RequestView request(@PathParam("id") String id);

    /** Who would gain or lose which sections if the request were approved. */
    @GET
    @Path("/{id}/dry-run")
    @Operation(
            summary = "What approving would change",
            description = "Who would gain or lose which sections if the request were approved, for every user"
                    + " access has seen, each organisation's other users, any other signed-in user and anonymous"
                    + " readers, computed with the secrecy rules on the policy before and after.")
    @APIResponse(responseCode = "200", description = "The viewers whose view would change")
    @APIResponse(
            responseCode = "403",
            description = "The caller knows the case but is not its secrecy admin",
            content = @Content(mediaType = CaseAccessApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", ref = "RequestNotFound")
    DryRunResult dryRun(@PathParam("id") String id);

    /** By a secrecy admin other than the requester (403), once (409); applies the change. The reason is optional. */
    @POST
    @Path("/{id}/approval")
    @Operation(
            summary = "Approve a request",
            description = "By a secrecy admin of the case's organisation other than the requester; applies the"
                    + " change at once. Only one approval of a request can succeed.")
    @APIResponse(responseCode = "200", description = "Approved and applied")
    @APIResponse(
            responseCode = "400",
            description = "Invalid body",
            content = @Content(mediaType = CaseAccessApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "403",
            description = "Self-approval, or not a secrecy admin of the organisation",
            content = @Content(mediaType = CaseAccessApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", ref = "RequestNotFound")
    @APIResponse(
            responseCode = "409",
            description = "Already decided or expired",
            content = @Content(mediaType = CaseAccessApi.PROBLEM, schema = @Schema(ref = "Problem")))
    RequestView approve(@PathParam("id") String id, ReasonBody body);

    /** By a secrecy admin other than the requester, with a reason. */
    @POST
    @Path("/{id}/rejection")
    @Operation(
            summary = "Reject a request",
            description = "By a secrecy admin of the case's organisation other than the requester, with a reason.")
    @APIResponse(responseCode = "200", description = "Rejected")
    @APIResponse(
            responseCode = "400",
            description = "No reason",
            content = @Content(mediaType = CaseAccessApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "403",
            description = "The requester, or not a secrecy admin of the organisation",
            content = @Content(mediaType = CaseAccessApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", ref = "RequestNotFound")
    @APIResponse(
            responseCode = "409",
            description = "Already decided or expired",
            content = @Content(mediaType = CaseAccessApi.PROBLEM, schema = @Schema(ref = "Problem")))
    RequestView reject(@PathParam("id") String id, ReasonBody body);

    /**
     * By the requester only, while the request waits: it ends (WITHDRAWN) and nobody can approve it any more. Anyone
     * else gets the answer for a request they may not see. The reason is optional.
     */
    @POST
    @Path("/{id}/withdrawal")
    @Operation(
            summary = "Withdraw one's own request",
            description = "By the secrecy admin who filed it, while it is pending; ledgered as SecrecyChangeWithdrawn."
                    + " Anyone else gets the answer for a request they may not see.")
    @APIResponse(responseCode = "200", description = "Withdrawn")
    @APIResponse(
            responseCode = "400",
            description = "Invalid body",
            content = @Content(mediaType = CaseAccessApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "403",
            description = "The caller knows the case but is not its secrecy admin (as for reading the request)",
            content = @Content(mediaType = CaseAccessApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", ref = "RequestNotFound")
    @APIResponse(
            responseCode = "409",
            description = "Already decided, withdrawn or expired",
            content = @Content(mediaType = CaseAccessApi.PROBLEM, schema = @Schema(ref = "Problem")))
    RequestView withdraw(@PathParam("id") String id, ReasonBody body);
}
