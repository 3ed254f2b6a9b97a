package org.parley.interviews.excerpt;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
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
import org.parley.interviews.api.ExcerptView;
import org.parley.interviews.api.Excerpts;
import org.parley.interviews.api.ExcerptsApi;
import org.parley.web.CallerIdentity;
import org.parley.web.Preconditions;
import org.parley.web.Problem;

@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "excerpts")
@APIResponse(
        responseCode = "401",
        description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
// The interface's path again: without a @Path of its own, SmallRye OpenAPI documents only the interface's
// methods, and the endpoints declared here were missing from /q/openapi.
@Path("/interviews/{id}/excerpts")
public class ExcerptResource implements ExcerptsApi {

    private final CallerIdentity caller;
    private final ExcerptService excerpts;

    @Inject
    public ExcerptResource(CallerIdentity caller, ExcerptService excerpts) {
        this.caller = caller;
        this.excerpts = excerpts;
    }

    /** The quote's number, and the codebook's codes of the research questions it informs (optional). */
    public record Proposal(
            @NotNull @Positive @Max(10_000) Integer quote,
            @Size(max = 100) List<String> researchQuestions) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Propose a quote for sharing",
            description = "Members of every linked case. Body {quote: n, researchQuestions: [codes]}: the codes"
                    + " (RQ1 to RQ8, the codebook's research questions the excerpt informs) are optional.")
    @APIResponse(responseCode = "201", description = "Proposed")
    @APIResponse(
            responseCode = "400",
            description = "No quote with this number, or a research question the codebook does not know",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No interview with this id (or none the caller may know of)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Already proposed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "The consent does not allow quoting to partners",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "The caller's organisation holds a grant that covers approved excerpts only",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ExcerptView> propose(@PathParam("id") String id, @Valid @NotNull Proposal body) {
        return RestResponse.ResponseBuilder.create(
                        RestResponse.Status.CREATED,
                        excerpts.propose(caller.viewer(), id, body.quote(), body.researchQuestions()))
                .build();
    }

    @Override
    // The parameters repeat the interface's names: the parameter converters (parley-web) read them here.
    public ExcerptView approve(
            @PathParam("id") String id, @PathParam("n") String n, @HeaderParam("If-Match") String ifMatch) {
        return excerpts.approve(caller.viewer(), id, n, Preconditions.ifMatch(ifMatch));
    }

    @Override
    public Excerpts list(@PathParam("id") String id) {
        return excerpts.list(caller.viewer(), id);
    }
}
