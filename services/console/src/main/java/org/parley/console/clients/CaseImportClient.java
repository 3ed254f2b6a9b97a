package org.parley.console.clients;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The cases service's import, called with the user's token: the file as uploaded, JSON or CSV. The report is read
 * as JSON and shown by {@code imports.ImportReportView}, as the interviews' one is.
 */
@RegisterRestClient(configKey = "cases")
@RegisterClientHeaders(UserToken.class)
@Path("/cases/import")
@Produces(MediaType.APPLICATION_JSON)
public interface CaseImportClient {

    /** The CSV content type the cases service's export writes and its import reads. */
    String CSV = "text/csv";

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    ObjectNode importJson(@RestQuery boolean dryRun, byte[] file);

    @POST
    @Consumes(CSV)
    ObjectNode importCsv(@RestQuery boolean dryRun, byte[] file);
}
