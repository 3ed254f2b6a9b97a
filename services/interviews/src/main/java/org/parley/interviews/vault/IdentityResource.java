package org.parley.interviews.vault;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.parley.interviews.api.IdentityApi;
import org.parley.interviews.api.Reveal;
import org.parley.interviews.api.Revealed;
import org.parley.web.CallerIdentity;
import org.parley.web.Problem;
import org.parley.web.VisibleText;

@Authenticated
@Tag(name = "identity vault")
@APIResponse(
        responseCode = "401",
        description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
// The interface's path again: without a @Path of its own, SmallRye OpenAPI documents only the interface's
// methods, and the endpoints declared here were missing from /q/openapi.
@Path("/interviews/{id}/identity")
public class IdentityResource implements IdentityApi {

    private final CallerIdentity caller;
    private final IdentityVault vault;

    @Inject
    public IdentityResource(CallerIdentity caller, IdentityVault vault) {
        this.caller = caller;
        this.vault = vault;
    }

    /** Why the custodian needs the identity; kept in the reveal log, never sent on. */
    public record RevealRequest(
            @NotNull @NotBlank @VisibleText @Size(max = 1_000)
            String reason) {
        @Override
        public String toString() {
            return "RevealRequest[redacted]";
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Reveal the interviewee's identity",
            description = "Identity custodians only. Every call is audited (IdentityRevealed) and its reason logged.")
    @APIResponse(responseCode = "200", description = "The name and contact")
    @APIResponse(
            responseCode = "400",
            description = "No reason given",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not the identity custodian",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such interview",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<Revealed> reveal(@PathParam("id") String id, @Valid @NotNull RevealRequest body) {
        return RestResponse.ResponseBuilder.ok(vault.reveal(caller.viewer(), id, body.reason()))
                .build();
    }

    @Override
    // The parameter repeats the interface's name: the parameter converters (parley-web) read it here.
    public List<Reveal> reveals(@PathParam("id") String id) {
        return vault.reveals(caller.viewer(), id);
    }
}
