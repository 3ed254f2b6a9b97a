package org.parley.console.clients;

import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.parley.cases.api.CompareApi;

/** The cases service's comparisons, called with the user's token. */
@RegisterRestClient(configKey = "cases")
@RegisterClientHeaders(UserToken.class)
@Path("/cases")
public interface CompareClient extends CompareApi {}
