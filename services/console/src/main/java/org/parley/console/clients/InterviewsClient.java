package org.parley.console.clients;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.parley.interviews.api.InterviewView;
import org.parley.interviews.api.InterviewsApi;

/** The interviews service, called with the user's token: its API, plus recording and changing an interview as typed. */
@RegisterRestClient(configKey = "interviews")
@RegisterClientHeaders(UserToken.class)
// the API's path again: with a method of its own, a client does not inherit it
@Path("/interviews")
public interface InterviewsClient extends InterviewsApi {

    /** The form as typed (the service names the fields it refuses); answers the interview recorded. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    InterviewView record(Map<String, Object> interview);

    /** Changes the fields given ({@code PATCH}); If-Match names the version the change was made from. */
    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    InterviewView update(@RestPath String id, @HeaderParam("If-Match") String ifMatch, Map<String, Object> changes);
}
