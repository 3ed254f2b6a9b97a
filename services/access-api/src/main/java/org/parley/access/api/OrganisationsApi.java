package org.parley.access.api;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The host and its partner organisations, called with the caller's bearer token. */
@Path("/organisations")
@Produces(MediaType.APPLICATION_JSON)
public interface OrganisationsApi {

    /** A secrecy admin of the host sees every organisation; anyone else only their own. */
    @GET
    List<OrganisationView> organisations();
}
