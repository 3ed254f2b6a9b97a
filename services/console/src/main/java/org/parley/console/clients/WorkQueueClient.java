package org.parley.console.clients;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.parley.access.api.WorkQueueApi;

/** What waits for the user in the access service, and the record of their visit, called with the user's token. */
@RegisterRestClient(configKey = "access")
@RegisterClientHeaders(UserToken.class)
public interface WorkQueueClient extends WorkQueueApi {}
