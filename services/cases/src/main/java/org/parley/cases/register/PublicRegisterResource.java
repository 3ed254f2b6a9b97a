package org.parley.cases.register;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.cases.casefile.CaseService;
import org.parley.cases.casefile.CaseView;
import org.parley.cases.search.CaseList;
import org.parley.cases.search.CaseSearch;
import org.parley.cases.search.ListQuery;
import org.parley.cases.web.Http;
import org.parley.policy.Viewer;
import org.parley.web.Problem;

/**
 * The public register: exactly what an anonymous reader may see. A token, if one is sent, is ignored, so
 * the register reads the same for everyone.
 */
@Path("/public/cases")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "public register", description = "Cases and sections open to everyone, without a token")
@APIResponse(
        responseCode = "503",
        description = "Access decisions are stale (Retry-After)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PublicRegisterResource {

    @Inject
    CaseService cases;

    @Inject
    CaseSearch search;

    @GET
    @Operation(summary = "List and search the public register", description = "Same parameters as GET /cases.")
    @APIResponse(
            responseCode = "200",
            description = "A page of public cases",
            content = @Content(schema = @Schema(implementation = CaseList.class)))
    @APIResponse(
            responseCode = "400",
            description = "A bad parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(
            @QueryParam("q") String q,
            @QueryParam("country") List<String> country,
            @QueryParam("status") List<String> status,
            @QueryParam("tier") List<String> tier,
            @QueryParam("entityType") List<String> entityType,
            @QueryParam("groupType") List<String> groupType,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("cursor") String cursor,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20")) @QueryParam("limit")
                    String limit) {
        ListQuery query = ListQuery.parse(q, country, status, tier, entityType, groupType, from, to, cursor, limit);
        return Response.ok(search.list(Viewer.anonymous(), query)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a public case", description = "Only its public sections are present.")
    @APIResponse(
            responseCode = "200",
            description = "The case",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such public case",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response read(@PathParam("id") String id) {
        CaseView view = cases.read(Viewer.anonymous(), id);
        return Response.ok(view).tag(Http.etag(view.version())).build();
    }
}
