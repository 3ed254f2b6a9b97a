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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.web.CallerIdentity;

@Path("/cases/{id}/access/explain")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tier and release")
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
    @APIResponse(responseCode = "400", description = "No user given")
    @APIResponse(responseCode = "403", description = "Not a secrecy admin of the case's organisation")
    @APIResponse(responseCode = "404", description = "No such case (or one the caller may not know), or unknown user")
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
