package org.parley.cases.api.codebook;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The codebook, for everyone: it names what may be coded, never what a case holds. A token, if one is sent, is
 * ignored, so it reads the same for everyone. The OpenAPI descriptions sit here, not on the implementation: the
 * service's /q/openapi takes this interface's.
 */
@Path("/codebook")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "codebook", description = "Every coded dimension of a case, without a token")
public interface CodebookApi {

    /** The whole codebook: blocks, dimensions with their values, research questions and coverage. */
    @GET
    @Operation(
            summary = "Read the codebook",
            description = "Every coded dimension of a case: its stable key, its section (which decides who may see"
                    + " its values), its type, its allowed values in English and Spanish and the paper heading it"
                    + " comes from; the blocks of repeated dimensions; the research questions; the paper's"
                    + " coverage. The same for every caller, with or without a token.")
    @APIResponse(
            responseCode = "200",
            description = "The codebook",
            content = @Content(schema = @Schema(implementation = Codebook.class)))
    Codebook codebook();
}
