package org.parley.console.clients;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.parley.cases.api.CaseView;
import org.parley.cases.api.CasesApi;

/**
 * The cases service, called with the user's token: its API, plus the two calls the API interface leaves out:
 * opening a case (a body the service checks field by field), the members' section edit (a JSON merge patch), and
 * the case in the codebook's shape with its sections' edits.
 */
@RegisterRestClient(configKey = "cases")
@RegisterClientHeaders(UserToken.class)
// the API's path again: with a method of its own, this client did not inherit it (requests went to "?limit=20")
@Path("/cases")
public interface CasesClient extends CasesApi {

    /** Opens a case ({@code header} and optional sections): 201 with the case, its creator the lead. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    CaseView create(Map<String, Object> body);

    /** A JSON merge patch of one section (header, context, process, results); If-Match names the version read. */
    @PATCH
    @Path("{id}/{section}")
    @Consumes(MediaType.APPLICATION_JSON)
    CaseView edit(
            @RestPath String id,
            @RestPath String section,
            @HeaderParam("If-Match") String ifMatch,
            Map<String, Object> patch);

    /** The case in the codebook's shape: id, version, header and the sections the reader may see. */
    @GET
    @Path("{id}/coded")
    ObjectNode coded(@RestPath String id);

    /** A JSON merge patch of one coded section (header: dates as written); If-Match names the version read. */
    @PATCH
    @Path("{id}/coded/{section}")
    @Consumes(MediaType.APPLICATION_JSON)
    ObjectNode patchCoded(
            @RestPath String id,
            @RestPath String section,
            @HeaderParam("If-Match") String ifMatch,
            Map<String, Object> patch);

    /** Replaces one coded section (context, process, results); If-Match names the version read. */
    @PUT
    @Path("{id}/coded/{section}")
    @Consumes(MediaType.APPLICATION_JSON)
    ObjectNode editCoded(
            @RestPath String id,
            @RestPath String section,
            @HeaderParam("If-Match") String ifMatch,
            ObjectNode document);
}
