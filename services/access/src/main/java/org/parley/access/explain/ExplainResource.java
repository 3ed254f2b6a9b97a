package org.parley.access.explain;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.web.CallerIdentity;
import org.parley.web.Problem;

@Path("/cases/{id}/access/explain")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tier and release")
@APIResponse(
        responseCode = "401",
        description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ExplainResource {

    private final CallerIdentity caller;
    private final Explainer explainer;

    @Inject
    public ExplainResource(CallerIdentity caller, Explainer explainer) {
        this.caller = caller;
        this.explainer = explainer;
    }

    @GET
    @Operation(
            summary = "Why a user sees what they see of a case",
            description = "For secrecy admins of the owner: the user's relationship, visible sections and excerpts,"
                    + " and the membership, role, grant or public register that gives them.")
    @APIResponse(responseCode = "200", description = "The explanation")
    @APIResponse(
            responseCode = "400",
            description = "No user given",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", ref = "NotCaseSecrecyAdmin")
    @APIResponse(
            responseCode = "404",
            description = "No such case (or one the caller may not know), or unknown user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Explanation explain(
            @PathParam("id") String caseId,
            @Parameter(description = "A username or subject access has seen")
                    @QueryParam("user")
                    @NotBlank
                    @Size(max = 255)
                    String user) {
        return explainer.explain(caseId, caller.viewer(), user);
    }
}
