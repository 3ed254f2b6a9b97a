package org.parley.cases.api;

import java.util.List;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public register: exactly what an anonymous reader may see. A token, if one is sent, is ignored, so
 * the register reads the same for everyone. The OpenAPI descriptions sit here, not on the implementation (as on
 * {@link CasesApi}).
 */
@Path("/public/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "public register", description = "Cases and sections open to everyone, without a token")
@APIResponse(
        responseCode = "503",
        description = "Access decisions are stale (Retry-After)",
        content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
public interface PublicRegisterApi {

    /** The same filters as {@link CasesApi#list}, over public cases only. */
    @GET
    @Operation(summary = "List and search the public register", description = "Same parameters as GET /cases.")
    @APIResponse(
            responseCode = "200",
            description = "A page of public cases",
            content = @Content(schema = @Schema(implementation = CaseList.class)))
    @APIResponse(
            responseCode = "400",
            description = "A bad parameter",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    CaseList list(@BeanParam CaseListFilters filters);

    /** Only its public sections are present; the ETag is the case's version. */
    @GET
    @Path("{id}")
    @Operation(summary = "Read a public case", description = "Only its public sections are present.")
    @APIResponse(
            responseCode = "200",
            description = "The case",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such public case",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    CaseView read(@PathParam("id") String id);

    /** As {@link CaseLinksApi#links}, for an anonymous reader: links between two cases of the register. */
    @GET
    @Path("{id}/links")
    @Operation(
            summary = "The links of a public case",
            description = "The links between this case and other cases of the register, oldest first. A note is"
                    + " shown only where the CONTEXT of both cases is public.")
    @APIResponse(
            responseCode = "200",
            description = "The links",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CaseLink.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such public case",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    List<CaseLink> links(@PathParam("id") String id);
}
