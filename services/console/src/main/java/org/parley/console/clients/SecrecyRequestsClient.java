package org.parley.console.clients;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.parley.access.api.SecrecyRequestsApi;

/** The secrecy requests waiting for a second admin, and their dry run, from the access service, called with the user's token. */
@RegisterRestClient(configKey = "access")
@RegisterClientHeaders(UserToken.class)
public interface SecrecyRequestsClient extends SecrecyRequestsApi {}
