package org.parley.events.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A case's timeline, called by the console with the caller's bearer token (or none: anonymous callers see
 * public cases). A case the caller may not know exists answers 404 exactly as an id that never existed; while
 * the service has not heard from access recently, every caller gets 503 + Retry-After. Refusals are RFC 9457
 * problems ({@code application/problem+json}).
 */
@Path("/cases/{id}/timeline")
@Produces(MediaType.APPLICATION_JSON)
public interface TimelineApi {

    /** The entries the caller may see, oldest first; no count or cursor that could tell what was left out. */
    @GET
    TimelineView timeline(@PathParam("id") String id);
}
