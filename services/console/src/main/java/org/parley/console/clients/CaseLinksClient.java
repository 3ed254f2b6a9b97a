package org.parley.console.clients;

import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.parley.cases.api.CaseLinksApi;

/** The cases service's links between cases, called with the user's token. */
@RegisterRestClient(configKey = "cases")
@RegisterClientHeaders(UserToken.class)
@Path("/cases")
public interface CaseLinksClient extends CaseLinksApi {}
