package org.parley.console.clients;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.parley.console.clients.Interviews.CaseExcerpts;

/** The interviews service's per-case view of approved excerpts (how partners find them), with the user's token. */
@RegisterRestClient(configKey = "interviews")
@RegisterClientHeaders(UserToken.class)
@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
public interface CaseExcerptsApi {

    @GET
    @Path("/{id}/excerpts")
    CaseExcerpts forCase(@RestPath String id);
}
