package org.parley.access.organisation;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.access.api.OrganisationView;
import org.parley.access.api.OrganisationsApi;
import org.parley.web.CallerIdentity;
import org.parley.web.Problem;

@Path("/organisations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "organisations", description = "The host and its partner organisations")
@APIResponse(
        responseCode = "401",
        description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class OrganisationResource implements OrganisationsApi {

    private final CallerIdentity caller;
    private final Organisations organisations;

    @Inject
    public OrganisationResource(CallerIdentity caller, Organisations organisations) {
        this.caller = caller;
        this.organisations = organisations;
    }

    @Override
    public List<OrganisationView> organisations() {
        return organisations.visibleTo(caller.viewer());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One organisation", description = "The caller's own, or any for a secrecy admin of the host.")
    @APIResponse(responseCode = "200", description = "The organisation")
    @APIResponse(
            responseCode = "404",
            description = "No such organisation, or one the caller may not know",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description =
                    "Not answered by this endpoint (Quarkus lists a 403 on every secured one; it would be a problem)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OrganisationView get(@PathParam("id") String id) {
        return organisations.visible(caller.viewer(), id);
    }

    @POST
    @Operation(
            summary = "Register an organisation",
            description = "Secrecy admins of the host only. Idempotent on the id: an existing organisation of the"
                    + " same kind is returned unchanged.")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "200", description = "Already registered")
    @APIResponse(
            responseCode = "400",
            description = "Invalid fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not a secrecy admin of the host",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The id is registered with another kind",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@Valid @NotNull NewOrganisation body) {
        Organisations.Registration registration = organisations.register(caller.viewer(), body);
        if (registration.created()) {
            return Response.created(URI.create(
                            "/organisations/" + registration.organisation().id()))
                    .entity(registration.organisation())
                    .build();
        }
        return Response.ok(registration.organisation()).build();
    }
}
