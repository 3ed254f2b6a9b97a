package org.parley.console.clients;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.parley.interviews.api.ExcerptView;
import org.parley.interviews.api.ExcerptsApi;

/** One interview's excerpts, with the user's token: the API, plus proposing a quote. */
@RegisterRestClient(configKey = "interviews")
@RegisterClientHeaders(UserToken.class)
// the API's path again: with a method of its own, a client does not inherit it
@Path("/interviews/{id}/excerpts")
public interface ExcerptsClient extends ExcerptsApi {

    /** Body {@code {"quote": n, "researchQuestions": [codes]}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    ExcerptView propose(@PathParam("id") String id, Map<String, Object> proposal);
}
