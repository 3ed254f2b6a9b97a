package org.parley.console.clients;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.parley.interviews.api.IdentityApi;
import org.parley.interviews.api.Revealed;

/** The identity vault, with the custodian's token: the API, plus the reveal itself. */
@RegisterRestClient(configKey = "interviews")
@RegisterClientHeaders(UserToken.class)
// the API's path again: with a method of its own, a client does not inherit it
@Path("/interviews/{id}/identity")
public interface IdentityClient extends IdentityApi {

    /** Body {@code {"reason": "..."}}; recorded by the service with the reveal. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Revealed reveal(@PathParam("id") String id, Map<String, Object> reason);
}
