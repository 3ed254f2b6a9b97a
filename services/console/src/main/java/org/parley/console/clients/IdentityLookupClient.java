package org.parley.console.clients;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.parley.interviews.api.IdentityLookupApi;

/** The identity custodian's lookup of interviews, called with the custodian's token. */
@RegisterRestClient(configKey = "interviews")
@RegisterClientHeaders(UserToken.class)
public interface IdentityLookupClient extends IdentityLookupApi {}
