package org.parley.console.clients;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.parley.access.api.TeamApi;

/** A case's team, from the access service, called with the user's token. */
@RegisterRestClient(configKey = "access")
@RegisterClientHeaders(UserToken.class)
public interface TeamClient extends TeamApi {}
