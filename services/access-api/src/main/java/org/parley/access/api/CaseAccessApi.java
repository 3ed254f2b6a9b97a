package org.parley.access.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A case's tier and results release, called with the caller's bearer token. A case the caller may not know
 * exists answers 404 exactly as an id that never existed; every refusal is an RFC 9457 problem. A change
 * answers 200 with the {@link AccessView} when done at once (tightening), or 202 with the {@link RequestView}
 * a different secrecy admin must approve (loosening), its Location the request.
 */
@Path("/cases/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface CaseAccessApi {

    /** For the case's team and its secrecy admins (others who know the case: 403). */
    @GET
    @Path("/access")
    AccessView access(@PathParam("id") String caseId);

    /** A stricter tier at once (200), a less strict one requested (202). */
    @POST
    @Path("/tier")
    Response changeTier(@PathParam("id") String caseId, TierChange change);

    /** Un-releasing at once (200), releasing requested (202). */
    @POST
    @Path("/release")
    Response changeRelease(@PathParam("id") String caseId, ReleaseChange change);
}
