package org.parley.access.api;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Loosening changes waiting for a second secrecy admin, for secrecy admins, called with their bearer token. A
 * request on a case the caller may not know exists answers 404 exactly as an id that never existed.
 */
@Path("/secrecy-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface SecrecyRequestsApi {

    /** The requests on the caller's organisation's cases, newest first; {@code status} absent: all (else 400). */
    @GET
    List<RequestView> requests(@QueryParam("status") String status);

    @GET
    @Path("/{id}")
    RequestView request(@PathParam("id") String id);

    /** Who would gain or lose which sections if the request were approved. */
    @GET
    @Path("/{id}/dry-run")
    DryRunResult dryRun(@PathParam("id") String id);

    /** By a secrecy admin other than the requester (403), once (409); applies the change. The reason is optional. */
    @POST
    @Path("/{id}/approval")
    RequestView approve(@PathParam("id") String id, ReasonBody body);

    /** By a secrecy admin other than the requester, with a reason. */
    @POST
    @Path("/{id}/rejection")
    RequestView reject(@PathParam("id") String id, ReasonBody body);
}
