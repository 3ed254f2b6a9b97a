package org.parley.cases.casefile;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.cases.api.CaseList;
import org.parley.cases.api.CaseListFilters;
import org.parley.cases.api.CaseView;
import org.parley.cases.api.CasesApi;
import org.parley.cases.api.CodedCase;
import org.parley.cases.api.CodedCasesApi;
import org.parley.cases.api.NewTimelineEntry;
import org.parley.cases.content.NewCase;
import org.parley.cases.search.CaseSearch;
import org.parley.cases.search.ListQuery;
import org.parley.cases.web.Http;
import org.parley.web.CallerIdentity;
import org.parley.web.Problem;
import org.parley.web.Problems;

/**
 * Cases for signed-in users. A case the caller may not know exists answers exactly as an id that never
 * existed, on every endpoint; a change to a case they may see but not change is a 403. The OpenAPI descriptions
 * of the endpoints {@link CasesApi} declares are on it (SmallRye OpenAPI reads an implemented interface's, not
 * this class's); those here describe the others.
 */
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cases", description = "Negotiation cases, filtered by the secrecy rules")
@SecurityRequirement(name = "bearer")
@APIResponse(
        responseCode = "401",
        description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "503",
        description = "Access decisions are stale (Retry-After): only the case's members are served",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
// The interface's path again: without a @Path of its own, SmallRye OpenAPI documents only the interface's
// methods, and the endpoints declared here were missing from /q/openapi.
@Path("/cases")
public class CaseResource implements CasesApi, CodedCasesApi {

    private final CallerIdentity caller;
    private final CaseService cases;
    private final CaseSearch search;

    @Inject
    public CaseResource(CallerIdentity caller, CaseService cases, CaseSearch search) {
        this.caller = caller;
        this.cases = cases;
        this.search = search;
    }

    @POST
    @RolesAllowed("staff")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Open a case",
            description = "The case is born SECRET, the caller its lead, the caller's organisation its owner."
                    + " The timeline is added entry by entry afterwards.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "The caller is not staff",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "413",
            description = "Body over 1 MB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@RequestBody(required = true) NewCase body) {
        CaseView created = cases.create(caller.viewer(), body);
        return Response.created(URI.create("/cases/" + created.id()))
                .entity(created)
                .build();
    }

    @Override
    // The parameters repeat the interface's names: the parameter converters (parley-web) read the name from the
    // implementing method's own annotations, and a NUL in an id or a header must stay a 400 naming it.
    public CaseList list(CaseListFilters filters, @QueryParam("team") String team) {
        ListQuery query = ListQuery.parse(filters);
        return search.list(caller.viewer(), query, ListQuery.mine(team));
    }

    @Override
    public CaseView read(@PathParam("id") String id) {
        return cases.read(caller.viewer(), id);
    }

    @PATCH
    @Path("{id}/{section}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Edit one section",
            description = "section is header, context, process or results. A JSON merge patch (RFC 7386): the"
                    + " given fields replace the stored ones, null removes them. Team members only. The header's"
                    + " tier and resultsReleased are read-only; the timeline has its own endpoint. If-Match"
                    + " with the ETag read is required, so an edit never overwrites one made meanwhile.")
    @APIResponse(
            responseCode = "200",
            description = "The case after the edit",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(
            responseCode = "400",
            description = "The section would be invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "The caller sees the case but is not on its team",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such case or section",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "412",
            description = "If-Match does not name the current version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "428",
            description = "No If-Match (or If-Match: *): an edit must name the version it was made from",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response edit(
            @PathParam("id") String id,
            @Parameter(schema = @Schema(enumeration = {"header", "context", "process", "results"}))
                    @PathParam("section")
                    String section,
            @Parameter(required = true, description = "The version read, as its ETag (\"3\")") @HeaderParam("If-Match")
                    String ifMatch,
            @RequestBody(required = true, content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
                    JsonNode patch) {
        SectionName name = SectionName.fromPath(section).orElseThrow(() -> Problems.notFoundException("section"));
        return Response.ok(cases.edit(caller.viewer(), id, name, Http.ifMatch(ifMatch), patch))
                .build();
    }

    @Override
    public CodedCase readCoded(@PathParam("id") String id) {
        return cases.readCoded(caller.viewer(), id);
    }

    @Override
    public CodedCase replaceCoded(
            @PathParam("id") String id,
            @PathParam("section") String section,
            @HeaderParam("If-Match") String ifMatch,
            ObjectNode document) {
        return cases.editCoded(caller.viewer(), id, codedSection(section), Http.ifMatch(ifMatch), document, false);
    }

    @PATCH
    @Path("{id}/coded/{section}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Edit one section in the codebook's shape",
            description = "section is header, context, process or results. A JSON merge patch (RFC 7386) of the section"
                    + " in the codebook's shape: lists (blocks, several values) are replaced whole. The result is"
                    + " checked against the codebook; a 400 names every refused field. Team members only; If-Match"
                    + " is required.")
    @APIResponse(
            responseCode = "200",
            description = "The case after the edit",
            content = @Content(schema = @Schema(implementation = CodedCase.class)))
    @APIResponse(
            responseCode = "400",
            description = "The section would break the codebook",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "The caller sees the case but is not on its team",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such case or section",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "412",
            description = "If-Match does not name the current version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "428",
            description = "No If-Match: an edit must name the version it was made from",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CodedCase patchCoded(
            @PathParam("id") String id,
            @Parameter(schema = @Schema(enumeration = {"header", "context", "process", "results"}))
                    @PathParam("section")
                    String section,
            @Parameter(required = true, description = "The version read, as its ETag (\"3\")") @HeaderParam("If-Match")
                    String ifMatch,
            @RequestBody(required = true, content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
                    JsonNode patch) {
        return cases.editCoded(caller.viewer(), id, codedSection(section), Http.ifMatch(ifMatch), patch, true);
    }

    private static SectionName codedSection(String section) {
        return SectionName.fromPath(section).orElseThrow(() -> Problems.notFoundException("section"));
    }

    @Override
    public Response addTimelineEntry(
            @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, NewTimelineEntry body) {
        // The service checks the entry as its own content record; a missing body stays missing (400).
        org.parley.cases.content.NewTimelineEntry entry = body == null
                ? null
                : new org.parley.cases.content.NewTimelineEntry(body.date(), body.kind(), body.summary());
        CaseService.AddedEntry added = cases.addTimelineEntry(caller.viewer(), id, Http.ifMatch(ifMatch), entry);
        return Response.status(Response.Status.CREATED)
                .tag(Http.etag(added.caseVersion()))
                .entity(added.entry())
                .build();
    }

    @DELETE
    @Path("{id}")
    @Operation(
            summary = "Delete a case",
            description = "Soft delete, by the lead or a secrecy admin of the owning organisation; afterwards"
                    + " the case answers as if it never existed.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "403",
            description = "The caller sees the case but may not delete it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such case",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "412",
            description = "If-Match does not name the current version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        cases.delete(caller.viewer(), id, Http.ifMatch(ifMatch));
        return Response.noContent().build();
    }
}
