package org.parley.console.clients;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.parley.interviews.api.InterviewImportApi;

/** The interviews service's import (its API), called with the user's token. */
@RegisterRestClient(configKey = "interviews")
@RegisterClientHeaders(UserToken.class)
public interface InterviewImportClient extends InterviewImportApi {}
