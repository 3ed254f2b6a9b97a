package org.parley.console.clients;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.parley.events.api.TimelineApi;

/** A case's timeline from the events service, called with the user's token. */
@RegisterRestClient(configKey = "events")
@RegisterClientHeaders(UserToken.class)
public interface TimelineClient extends TimelineApi {}
