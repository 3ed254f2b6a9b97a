package org.parley.interviews.api;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The identity vault, for the identity custodian only. The reveal itself ({@code POST}, body
 * {@code {"reason": "..."}}, answering {@link Revealed}) is not declared here: the service checks the reason as
 * its own constrained record.
 */
@Path("/interviews/{id}/identity")
@Produces(MediaType.APPLICATION_JSON)
public interface IdentityApi {

    /** Who revealed the identity, when and why, oldest first. */
    @GET
    @Path("/reveals")
    List<Reveal> reveals(@PathParam("id") String id);
}
