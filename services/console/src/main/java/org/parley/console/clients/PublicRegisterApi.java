package org.parley.console.clients;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.parley.console.clients.Cases.CaseList;
import org.parley.console.clients.Cases.CaseView;

/** The public register of the cases service: no token is ever sent, whoever is signed in. */
@RegisterRestClient(configKey = "cases")
@Path("/public/cases")
@Produces(MediaType.APPLICATION_JSON)
public interface PublicRegisterApi {

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
            @RestQuery Integer limit);

    @GET
    @Path("/{id}")
    CaseView read(@RestPath String id);
}
