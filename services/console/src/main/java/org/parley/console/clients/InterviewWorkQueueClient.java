package org.parley.console.clients;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.parley.interviews.api.InterviewWorkQueueApi;

/** What waits for the user in the interviews service, called with the user's token. */
@RegisterRestClient(configKey = "interviews")
@RegisterClientHeaders(UserToken.class)
public interface InterviewWorkQueueClient extends InterviewWorkQueueApi {}
