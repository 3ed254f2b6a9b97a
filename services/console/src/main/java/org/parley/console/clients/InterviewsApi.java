package org.parley.console.clients;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.parley.console.clients.Interviews.Excerpt;
import org.parley.console.clients.Interviews.Excerpts;
import org.parley.console.clients.Interviews.Interview;
import org.parley.console.clients.Interviews.Page;
import org.parley.console.clients.Interviews.Reveal;
import org.parley.console.clients.Interviews.Revealed;

/** The interviews service, called with the user's token. */
@RegisterRestClient(configKey = "interviews")
@RegisterClientHeaders(UserToken.class)
@Path("/interviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface InterviewsApi {

    @GET
    Page search(
            @RestQuery("case") List<String> cases,
            @RestQuery("theme") List<String> themes,
            @RestQuery String category,
            @RestQuery String country,
            @RestQuery String cursor,
            @RestQuery Integer limit);

    @POST
    Interview record(Map<String, Object> interview);

    @GET
    @Path("/{id}")
    Interview read(@RestPath String id);

    @GET
    @Path("/{id}/excerpts")
    Excerpts excerpts(@RestPath String id);

    @POST
    @Path("/{id}/excerpts")
    Excerpt propose(@RestPath String id, Map<String, Object> proposal);

    @POST
    @Path("/{id}/excerpts/{n}/approval")
    Excerpt approve(@RestPath String id, @RestPath int n);

    @POST
    @Path("/{id}/identity")
    Revealed reveal(@RestPath String id, Map<String, Object> reason);

    @GET
    @Path("/{id}/identity/reveals")
    List<Reveal> reveals(@RestPath String id);
}
