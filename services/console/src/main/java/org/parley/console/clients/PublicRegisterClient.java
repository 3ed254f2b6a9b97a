package org.parley.console.clients;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.parley.cases.api.PublicRegisterApi;

/**
 * The public register of the cases service: no token is ever sent, whoever is signed in; the browser's address is
 * ({@link ForwardedFor}), which the service's "not found" budget counts.
 */
@RegisterRestClient(configKey = "cases")
@RegisterClientHeaders(ForwardedFor.class)
// the API's path again: with a method of its own, a client does not inherit it
@Path("/public/cases")
public interface PublicRegisterClient extends PublicRegisterApi {

    /** A public case in the codebook's shape: only its public sections are present. */
    @GET
    @Path("{id}/coded")
    ObjectNode coded(@RestPath String id);
}
