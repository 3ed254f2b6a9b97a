package org.parley.cases.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Importing cases in bulk from what {@link ExportApi} writes, CSV or JSON (issue 20): a dry run reports row by row
 * what would happen; a real import is all or nothing, and a rerun of the same file creates nothing twice.
 */
@Path("/cases")
@Tag(name = "import", description = "Cases imported in bulk, all or nothing, matched by the importer's reference")
@SecurityRequirement(name = "bearer")
@APIResponse(
        responseCode = "401",
        description = "No valid bearer token",
        content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
@APIResponse(
        responseCode = "503",
        description = "Access decisions are stale (Retry-After): nobody imports",
        content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
public interface ImportApi {

    /** The largest body an import takes. */
    long MAX_BYTES = 5L * 1024 * 1024;

    /** The most rows (cases) one import takes. */
    int MAX_ROWS = 1000;

    /** The longest CSV cell, in bytes of UTF-8. */
    int MAX_CELL_BYTES = 64 * 1024;

    @POST
    @Path("import")
    @Consumes({MediaType.APPLICATION_JSON, ExportApi.CSV})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Import cases",
            description = "Staff only. The body is what GET /cases/export writes. application/json: a list of case"
                    + " documents, or the export's whole {meta, cases} object (meta is ignored); each document in the"
                    + " shape of GET /cases/{id}/coded (id, version, header.tier and header.resultsReleased are read and"
                    + " ignored: tiers are the access service's; a timeline entry's id is ignored). text/csv: the"
                    + " export's columns, in any order, every one present; a leading '#' comment line (the export's"
                    + " watermark) and a UTF-8 byte order mark are accepted; id and tier are ignored. Every row needs"
                    + " an externalReference (at most 200 characters), unique within the file. Rows are numbered as a"
                    + " person counts them: JSON case n is row n; CSV row n is the n-th record after the header row,"
                    + " whatever comment line comes first and however many lines a quoted cell spans (so in a file"
                    + " with the watermark and no line break inside cells, row n is line n + 2)."
                    + " Matching: a row's reference is looked up only among the cases the caller may know exist (the"
                    + " list's rules). A match on whose team the caller is gets UPDATE (the sections that differ are"
                    + " written, each as an edit of that section: version and events as PUT /cases/{id}/coded/…;"
                    + " timeline entries not yet there are added, none is removed; a section absent from a JSON"
                    + " document is left as it is) or UNCHANGED; a match the caller sees but may not edit is an ERROR"
                    + " row; a case the caller may not know exists is no match, and the row creates a new case, born"
                    + " SECRET, the caller its lead, as POST /cases. Several matches of the caller's team: an ERROR"
                    + " row. CSV cells follow the export: several values joined with ';' ('\\' escapes ';' and"
                    + " itself), a range low..high, period start/end as written. A repeated block (context.groups,"
                    + " …) is read entry by entry: each of its columns holds one value per entry, or is empty;"
                    + " a block of several entries whose columns cannot be split so is refused (use JSON). A CSV"
                    + " row writes only the cells that differ from the case, so citations of the others are kept."
                    + " dryRun=true (the default) writes nothing and answers the report. dryRun=false writes every"
                    + " row in one transaction, or, if any row is refused, nothing (422 with the same rows). The"
                    + " import is recorded in the ledger (ImportMade: rows, created, updated; never case text).")
    @RequestBody(
            required = true,
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY)),
                @Content(mediaType = ExportApi.CSV, schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(
            responseCode = "200",
            description = "The report: done, or in a dry run what would be done (rows with ERROR included)",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(
            responseCode = "400",
            description = "The file is not readable as a whole: malformed JSON or CSV, not UTF-8, a wrong CSV header,"
                    + " more than 1,000 rows, a CSV cell over 64 KiB (row and column named), or an external reference"
                    + " used twice",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "403",
            description = "The caller is not staff",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "413",
            description = "Body over 5 MiB",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "415",
            description = "Neither application/json nor text/csv",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "422",
            description = "A real import with refused rows: nothing was written. The problem's extension member"
                    + " rows is the per-row report, as the 200 answer's rows (ImportReport.Refused)",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    Response importCases(
            @QueryParam("dryRun")
                    @DefaultValue("true")
                    @Parameter(
                            description = "true (the default): only report; false: import, all or nothing",
                            schema = @Schema(enumeration = {"true", "false"}))
                    String dryRun,
            @HeaderParam("Content-Type") @Parameter(hidden = true) String contentType,
            byte[] body);
}
