package org.parley.cases.api;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The cases service's endpoints for signed-in users that the console calls, with the caller's bearer token.
 * A case the caller may not know exists answers 404 exactly as an id that never existed; every refusal is
 * an RFC 9457 problem ({@code application/problem+json}). The edit of a section ({@code PATCH
 * /cases/{id}/{section}}, a JSON merge patch) is not declared here: its body is untyped JSON by design
 * (RFC 7386), which each side holds in its own JSON library's type.
 */
@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
public interface CasesApi {

    /**
     * Only cases the caller may know exist; total and facets count the whole filtered result.
     *
     * @param team "mine": only cases whose team the caller is on (total and facets too); anything else is a 400
     */
    @GET
    CaseList list(@BeanParam CaseListFilters filters, @QueryParam("team") String team);

    /** Only the sections the caller may see are present; the ETag is the case's version. */
    @GET
    @Path("{id}")
    CaseView read(@PathParam("id") String id);

    /**
     * Adds a timeline entry (team members only): 201 with the entry, its ETag the case's new version; 412 when
     * If-Match does not name the current version, 409 when the timeline is full.
     */
    @POST
    @Path("{id}/process/timeline")
    @Consumes(MediaType.APPLICATION_JSON)
    Response addTimelineEntry(
            @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, NewTimelineEntry entry);
}
