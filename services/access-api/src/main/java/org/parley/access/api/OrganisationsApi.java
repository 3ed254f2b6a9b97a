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

/** The host and its partner organisations, called with the caller's bearer token. */
@Path("/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "organisations", description = "The host and its partner organisations")
public interface OrganisationsApi {

    /** A secrecy admin of the host sees every organisation; anyone else only their own. */
    @GET
    @Operation(
            summary = "List organisations",
            description = "A secrecy admin of the host sees every organisation; anyone else only their own.")
    @APIResponse(responseCode = "200", description = "The organisations the caller may know")
    @APIResponse(
            responseCode = "401",
            description = "No valid token, or an organisation access does not know",
            content = @Content(mediaType = CaseAccessApi.PROBLEM, schema = @Schema(ref = "Problem")))
    List<OrganisationView> organisations();
}
