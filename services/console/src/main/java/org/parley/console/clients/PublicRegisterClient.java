package org.parley.console.clients;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.parley.cases.api.PublicRegisterApi;

/** The public register of the cases service: no token is ever sent, whoever is signed in. */
@RegisterRestClient(configKey = "cases")
public interface PublicRegisterClient extends PublicRegisterApi {}
