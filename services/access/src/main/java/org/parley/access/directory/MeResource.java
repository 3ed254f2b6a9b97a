package org.parley.access.directory;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.web.CallerIdentity;
import org.parley.web.Problem;
import org.parley.web.ProblemException;

@Path("/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "directory", description = "The users access has seen")
public class MeResource {

    private final CallerIdentity caller;
    private final Directory directory;

    @Inject
    public MeResource(CallerIdentity caller, Directory directory) {
        this.caller = caller;
        this.directory = directory;
    }

    @GET
    @Operation(summary = "The caller's directory record", description = "Recorded from the token on every request.")
    @APIResponse(responseCode = "200", description = "The caller as access knows them")
    @APIResponse(
            responseCode = "401",
            description = "No valid token, or an organisation access does not know",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description =
                    "Not answered by this endpoint (Quarkus lists a 403 on every secured one; it would be a problem)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UserView me() {
        return directory
                .bySubject(caller.viewer().subject())
                .map(UserView::of)
                .orElseThrow(() -> new ProblemException(Directory.UNKNOWN_USER));
    }
}
