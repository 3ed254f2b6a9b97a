package org.parley.console.clients;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.parley.access.api.OrganisationsApi;

/** The organisations the user may know, from the access service, called with the user's token. */
@RegisterRestClient(configKey = "access")
@RegisterClientHeaders(UserToken.class)
public interface OrganisationsClient extends OrganisationsApi {}
