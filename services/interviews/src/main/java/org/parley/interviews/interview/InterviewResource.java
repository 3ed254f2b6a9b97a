package org.parley.interviews.interview;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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
import org.jboss.resteasy.reactive.RestResponse;
import org.parley.interviews.search.InterviewSearch;
import org.parley.web.CallerIdentity;

@Path("/interviews")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "interviews")
public class InterviewResource {

    @Inject
    CallerIdentity caller;

    @Inject
    InterviewService interviews;

    @Inject
    InterviewSearch search;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record an interview",
            description = "Staff only. Every linked case must be one the author is a member of.")
    @APIResponse(responseCode = "201", description = "Recorded; the body is the interview as members see it")
    @APIResponse(responseCode = "400", description = "Invalid fields, or a case the author may not link")
    @APIResponse(responseCode = "403", description = "Not staff")
    public RestResponse<InterviewView> record(@Valid @NotNull NewInterview body) {
        InterviewView view = interviews.record(caller.viewer(), body);
        return RestResponse.ResponseBuilder.<InterviewView>created(URI.create("/interviews/" + view.id()))
                .entity(view)
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary = "Read an interview's content",
            description = "Members of every linked case. Everyone else gets the answer for an id that never existed.")
    @APIResponse(responseCode = "200", description = "The interview (never the identity)")
    @APIResponse(responseCode = "403", description = "A partner whose grant covers approved excerpts only")
    @APIResponse(responseCode = "404", description = "No interview with this id (or none the caller may know of)")
    @APIResponse(responseCode = "503", description = "Access rules are being refreshed (non-members only)")
    public RestResponse<InterviewView> read(@PathParam("id") String id) {
        return RestResponse.ResponseBuilder.ok(interviews.read(caller.viewer(), id))
                .header("Cache-Control", "no-store")
                .build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an interview", description = "Members of every linked case; fields left out are kept.")
    @APIResponse(responseCode = "200", description = "The interview after the change")
    @APIResponse(responseCode = "400", description = "Invalid fields, or a case the caller may not link")
    @APIResponse(responseCode = "404", description = "No interview with this id (or none the caller may know of)")
    public RestResponse<InterviewView> update(@PathParam("id") String id, @Valid @NotNull InterviewPatch patch) {
        return RestResponse.ResponseBuilder.ok(interviews.update(caller.viewer(), id, patch))
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Operation(
            summary = "Search interviews",
            description =
                    "Only interviews whose every linked case has the caller as a member; totals count those only.")
    @APIResponse(responseCode = "200", description = "A page of interviews (no content)")
    public InterviewSearch.Page search(
            @QueryParam("case") @Parameter(description = "linked case id; repeat for several (all must match)")
                    List<String> cases,
            @QueryParam("theme") @Parameter(description = "coded theme; repeat for several (all must match)")
                    List<String> themes,
            @QueryParam("category") String category,
            @QueryParam("country") String country,
            @QueryParam("from") @Parameter(description = "first month, YYYY-MM") String from,
            @QueryParam("to") @Parameter(description = "last month, YYYY-MM") String to,
            @QueryParam("language") String language,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        return search.search(
                caller.viewer(),
                InterviewSearch.Filter.parse(cases, themes, category, country, from, to, language, cursor, limit));
    }
}
