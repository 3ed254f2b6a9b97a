package org.parley.cases.coded;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.parley.interviews.api.CitedExcerpts;
import org.parley.interviews.api.ExcerptVisibilityApi;

/**
 * The interviews service's {@link ExcerptVisibilityApi}, asked with the reader's own bearer token, passed in: an
 * export streams after its request, so the token is taken while the request is still there.
 */
@RegisterRestClient(configKey = "interviews")
@Path("/excerpts/visible")
public interface ExcerptVisibilityClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    CitedExcerpts visible(@HeaderParam("Authorization") String bearer, CitedExcerpts asked);
}
