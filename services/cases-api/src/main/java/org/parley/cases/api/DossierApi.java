package org.parley.cases.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A printable dossier of one case (issue 20): the case as the reader may see it under a tier ceiling, as a PDF,
 * recorded in the ledger before its first byte and watermarked on every page.
 */
@Path("/cases")
@Tag(name = "export", description = "Cases exported under a tier ceiling, ledgered and watermarked")
@SecurityRequirement(name = "bearer")
@APIResponse(
        responseCode = "401",
        description = "No valid bearer token (as for GET /cases/{id}; the public has the public register)",
        content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
@APIResponse(
        responseCode = "503",
        description = "Access decisions are stale (Retry-After): nobody prints",
        content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
public interface DossierApi {

    /** The media type of a dossier. */
    String PDF = "application/pdf";

    /** The languages a dossier is written in. */
    String LANGUAGES = "en, es";

    @GET
    @Path("{id}/dossier.pdf")
    @Produces(PDF)
    @Operation(
            summary = "Print a case dossier",
            description = "The sections of the case the caller may see, as GET /cases/{id}/coded answers them,"
                    + " further limited by the ceiling as GET /cases/export limits them: SECRET (the default) is the"
                    + " caller's own view; RESULTS_PUBLIC the same, but a case whose tier is SECRET has no dossier (404);"
                    + " PUBLICLY_KNOWN exactly what the public register (GET /public/cases/{id}/coded) shows, whoever"
                    + " asks (a case not on the register has no dossier: 404). Every coded value with its codebook"
                    + " label in the language asked (lang, else Accept-Language, else English), its citations"
                    + " numbered and listed as the case's sources (an interview excerpt only where the coded view"
                    + " shows it), and the measured effects as bars, before and after, with their numbers in a table."
                    + " Recorded in the ledger (ExportMade, format pdf, about this case) before the first byte; every"
                    + " page's footer names the reader, the time (UTC) and that ledger entry's eventId.")
    @APIResponse(
            responseCode = "200",
            description = "The dossier",
            content = @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(
            responseCode = "400",
            description = "An unknown ceiling or lang, named",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No such case (also for one the caller may not know exists, and one above the ceiling)",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    Response dossier(
            @PathParam("id") String id,
            @QueryParam("ceiling")
                    @Parameter(
                            description = "The strictest tier whose content the dossier may hold; SECRET when absent",
                            schema = @Schema(enumeration = {"SECRET", "RESULTS_PUBLIC", "PUBLICLY_KNOWN"}))
                    String ceiling,
            @QueryParam("lang")
                    @Parameter(
                            description = "en or es; when absent, the best of Accept-Language, else en",
                            schema = @Schema(enumeration = {"en", "es"}))
                    String lang,
            @HeaderParam("Accept-Language") @Parameter(hidden = true) String acceptLanguage);
}
