package org.parley.console.clients;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.parley.interviews.api.CaseExcerptsApi;

/** The interviews service's per-case view of approved excerpts (how partners find them), with the user's token. */
@RegisterRestClient(configKey = "interviews")
@RegisterClientHeaders(UserToken.class)
public interface CaseExcerptsClient extends CaseExcerptsApi {}
