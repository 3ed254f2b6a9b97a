package org.parley.interviews.interview;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.parley.interviews.api.InterviewHistory;
import org.parley.interviews.api.InterviewListFilters;
import org.parley.interviews.api.InterviewPage;
import org.parley.interviews.api.InterviewView;
import org.parley.interviews.api.InterviewsApi;
import org.parley.interviews.history.VersionHistory;
import org.parley.interviews.search.InterviewSearch;
import org.parley.web.CallerIdentity;
import org.parley.web.Preconditions;
import org.parley.web.Problem;

/** Interviews for members of their cases; every answer carrying one has its version as ETag (InterviewVersionTag). */
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "interviews")
@APIResponse(
        responseCode = "401",
        description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
// The interface's path again: without a @Path of its own, SmallRye OpenAPI documents only the interface's
// methods, and the endpoints declared here were missing from /q/openapi.
@Path("/interviews")
public class InterviewResource implements InterviewsApi {

    private final CallerIdentity caller;
    private final InterviewService interviews;
    private final InterviewSearch search;
    private final VersionHistory history;

    @Inject
    public InterviewResource(
            CallerIdentity caller, InterviewService interviews, InterviewSearch search, VersionHistory history) {
        this.caller = caller;
        this.interviews = interviews;
        this.search = search;
        this.history = history;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record an interview",
            description = "Staff only. Every linked case must be one the author is a member of.")
    @APIResponse(responseCode = "201", description = "Recorded; the body is the interview as members see it")
    @APIResponse(
            responseCode = "400",
            description = "Invalid fields, or a case the author may not link",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not staff",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<InterviewView> record(@Valid @NotNull NewInterview body) {
        InterviewView view = interviews.record(caller.viewer(), body);
        return RestResponse.ResponseBuilder.<InterviewView>created(URI.create("/interviews/" + view.id()))
                .entity(view)
                .build();
    }

    @Override
    // The parameters repeat the interface's names: the parameter converters (parley-web) read the name from the
    // implementing method's own annotations, so a bad value stays a 400 naming it.
    public InterviewView read(@PathParam("id") String id) {
        return interviews.read(caller.viewer(), id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change an interview",
            description = "Members of every linked case; fields left out are kept. If-Match with the ETag read is"
                    + " required, so a change never overwrites one made meanwhile. Changing the consent,"
                    + " pseudonym, descriptor or category puts approved excerpts back to proposed: partners"
                    + " see nothing new until the leads approve again.")
    @APIResponse(responseCode = "200", description = "The interview after the change; ETag is its new version")
    @APIResponse(
            responseCode = "400",
            description = "Invalid fields, or a case the caller may not link",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No interview with this id (or none the caller may know of)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "412",
            description = "If-Match does not name the current version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "428",
            description = "No If-Match (or If-Match: *): a change must name the version it was made from",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "The caller's organisation holds a grant that covers approved excerpts only",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public InterviewView update(
            @PathParam("id") String id,
            @Parameter(required = true, description = "The version read, as its ETag (\"3\")") @HeaderParam("If-Match")
                    String ifMatch,
            @Valid @NotNull InterviewPatch patch) {
        return interviews.update(caller.viewer(), id, Preconditions.ifMatch(ifMatch), patch);
    }

    @Override
    public InterviewHistory history(@PathParam("id") String id) {
        return history.read(caller.viewer(), id);
    }

    @Override
    public InterviewPage search(InterviewListFilters filters) {
        return search.search(caller.viewer(), InterviewSearch.Filter.parse(filters));
    }
}
