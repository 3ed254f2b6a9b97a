package org.parley.access.api;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Partner organisations' access to a case, called with the caller's bearer token; refusals as in {@link CaseAccessApi}. */
@Path("/cases/{id}/grants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface GrantsApi {

    /** Secrecy admins of the owner see all, with reasons; the team all active ones; a grantee its own. */
    @GET
    List<GrantView> grants(@PathParam("id") String caseId);

    /**
     * 201 with the {@link GrantView} (SUMMARY, RESULTS: issued at once), or 202 with the {@link RequestView}
     * (PROCESS, EXCERPTS: a different secrecy admin must approve).
     */
    @POST
    Response issueGrant(@PathParam("id") String caseId, NewGrant grant);

    /** Tightening, at once; 409 when the grant has already ended. */
    @DELETE
    @Path("/{grantId}")
    GrantView revokeGrant(
            @PathParam("id") String caseId, @PathParam("grantId") String grantId, @QueryParam("reason") String reason);
}
