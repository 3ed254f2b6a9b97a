package org.parley.interviews.api;

import java.util.List;

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
 * The identity vault, for the identity custodian only. The reveal itself ({@code POST}, body
 * {@code {"reason": "..."}}, answering {@link Revealed}) is not declared here: the service checks the reason as
 * its own constrained record.
 */
@Path("/interviews/{id}/identity")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "identity vault")
public interface IdentityApi {

    /** Who revealed the identity, when and why, oldest first. */
    @GET
    @Path("/reveals")
    @Operation(
            summary = "The reveal log of one interview",
            description = "Identity custodians only: who revealed the identity, when and why (reasons are stored"
                    + " sealed under the vault record's key). No identity in the answer.")
    @APIResponse(responseCode = "200", description = "The reveals, oldest first")
    @APIResponse(
            responseCode = "403",
            description = "Not the identity custodian",
            content = @Content(mediaType = InterviewsApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No such interview",
            content = @Content(mediaType = InterviewsApi.PROBLEM, schema = @Schema(ref = "Problem")))
    List<Reveal> reveals(@PathParam("id") String id);
}
