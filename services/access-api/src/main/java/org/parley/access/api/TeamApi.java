package org.parley.access.api;

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

/** Who works on a case, called with the caller's bearer token; refusals as in {@link CaseAccessApi}. */
@Path("/cases/{id}/team")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface TeamApi {

    /** For the team and the owner's secrecy admins (others who know the case: 403). */
    @GET
    TeamView team(@PathParam("id") String caseId);

    /**
     * 200 with the {@link TeamView}: on the team at once (the lead adds, or a role changes); 202 with the
     * {@link RequestView}: a secrecy admin who is not the lead asked, a second secrecy admin must approve.
     */
    @POST
    Response putOnTeam(@PathParam("id") String caseId, TeamChange change);

    /** Tightening, at once; {@code subject} is a subject on the team or the username of one. */
    @DELETE
    @Path("/{subject}")
    TeamView takeOffTeam(
            @PathParam("id") String caseId, @PathParam("subject") String subject, @QueryParam("reason") String reason);
}
