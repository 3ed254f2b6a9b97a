package org.parley.console.clients;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.parley.cases.api.ExportApi;

/**
 * The cases service's files, called with the user's token: its export (the API's), and a case's printable dossier.
 * A {@link Response} answer is streamed by the client, so the console passes the file on as it comes.
 */
@RegisterRestClient(configKey = "cases")
@RegisterClientHeaders(UserToken.class)
// the API's path again: with a method of its own, a client does not inherit it
@Path("/cases")
public interface CaseExportClient extends ExportApi {

    /** The dossier of one case under a ceiling, in the reader's language (application/pdf). */
    @GET
    @Path("{id}/dossier.pdf")
    Response dossier(@RestPath String id, @RestQuery String ceiling, @RestQuery String lang);
}
