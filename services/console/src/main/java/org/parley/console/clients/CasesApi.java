package org.parley.console.clients;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.parley.console.clients.Cases.CaseList;
import org.parley.console.clients.Cases.CaseView;
import org.parley.console.clients.Cases.NewTimelineEntry;
import org.parley.console.clients.Cases.TimelineEntry;

/** The cases service, called with the user's token. */
@RegisterRestClient(configKey = "cases")
@RegisterClientHeaders(UserToken.class)
@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface CasesApi {

    @GET
    CaseList list(
            @RestQuery String q,
            @RestQuery List<String> country,
            @RestQuery List<String> status,
            @RestQuery List<String> tier,
            @RestQuery List<String> entityType,
            @RestQuery List<String> groupType,
            @RestQuery String from,
            @RestQuery String to,
            @RestQuery String cursor,
            @RestQuery Integer limit,
            @RestQuery String team);

    @GET
    @Path("/{id}")
    CaseView read(@RestPath String id);

    @PATCH
    @Path("/{id}/{section}")
    CaseView edit(
            @RestPath String id,
            @RestPath String section,
            @HeaderParam("If-Match") String ifMatch,
            Map<String, Object> patch);

    @POST
    @Path("/{id}/process/timeline")
    TimelineEntry addTimelineEntry(
            @RestPath String id, @HeaderParam("If-Match") String ifMatch, NewTimelineEntry entry);
}
