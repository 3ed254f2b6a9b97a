package org.parley.access.api;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The users of the caller's own organisation, by subject and username: how an auditor reads who did what in the
 * ledger, which names actors by their OIDC subject only. Never another organisation's users.
 */
@Path("/me/colleagues")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "directory", description = "The users access has seen")
public interface ColleaguesApi {

    @GET
    @Operation(
            summary = "The users of the caller's organisation",
            description = "Auditors only: every user of their own organisation that access has seen, by username.")
    @APIResponse(responseCode = "200", description = "Subjects and usernames, by username")
    @APIResponse(
            responseCode = "403",
            description = "The caller is not an auditor",
            content = @Content(mediaType = CaseAccessApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "401",
            description = "No valid token",
            content = @Content(mediaType = CaseAccessApi.PROBLEM, schema = @Schema(ref = "Problem")))
    List<UserRef> colleagues();
}
