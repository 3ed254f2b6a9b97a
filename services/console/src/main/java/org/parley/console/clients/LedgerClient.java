package org.parley.console.clients;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.parley.events.api.LedgerApi;

/** The audit ledger of the events service and its verification, called with the user's token. */
@RegisterRestClient(configKey = "events")
@RegisterClientHeaders(UserToken.class)
public interface LedgerClient extends LedgerApi {}
