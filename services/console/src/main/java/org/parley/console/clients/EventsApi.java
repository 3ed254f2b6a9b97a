package org.parley.console.clients;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.parley.console.clients.Events.LedgerPage;
import org.parley.console.clients.Events.Timeline;
import org.parley.console.clients.Events.Verification;

/** The events service, called with the user's token. */
@RegisterRestClient(configKey = "events")
@RegisterClientHeaders(UserToken.class)
@Produces(MediaType.APPLICATION_JSON)
public interface EventsApi {

    @GET
    @Path("/cases/{id}/timeline")
    Timeline timeline(@RestPath String id);

    @GET
    @Path("/ledger")
    LedgerPage ledger(
            @RestQuery("case") String caseId,
            @RestQuery String actor,
            @RestQuery String organisation,
            @RestQuery String type,
            @RestQuery String from,
            @RestQuery String to,
            @RestQuery String cursor,
            @RestQuery Integer limit);

    @GET
    @Path("/ledger/verify")
    Verification verify();
}
