package org.parley.console.clients;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.parley.access.api.ColleaguesApi;

/** The auditor's own organisation's users (subject and username), with the user's token. */
@RegisterRestClient(configKey = "access")
@RegisterClientHeaders(UserToken.class)
public interface ColleaguesClient extends ColleaguesApi {}
