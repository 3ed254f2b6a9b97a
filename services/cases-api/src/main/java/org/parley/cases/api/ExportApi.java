package org.parley.cases.api;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Exporting the cases a list would show, as CSV or JSON, under a tier ceiling (issue 20). Every export is recorded
 * in the ledger before its first byte is sent, and the file carries a watermark naming the reader, the time and that
 * ledger entry.
 */
@Path("/cases")
@Tag(name = "export", description = "Cases exported under a tier ceiling, ledgered and watermarked")
@SecurityRequirement(name = "bearer")
@APIResponse(
        responseCode = "401",
        description = "No valid bearer token (the public has the public register)",
        content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
@APIResponse(
        responseCode = "503",
        description = "Access decisions are stale (Retry-After): nobody exports",
        content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
public interface ExportApi {

    /** The media type of a CSV export. */
    String CSV = "text/csv";

    /** The wire names of the formats. */
    String FORMATS = "csv, json";

    @GET
    @Path("export")
    @Produces({CSV, MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Export the listed cases",
            description = "Every case GET /cases would list with the same filters (no pages: cursor and limit are"
                    + " refused), in the list's order, streamed. Content is marked by its case's tier, and the ceiling"
                    + " limits it further: SECRET exports everything the caller may see (the same cases and the same"
                    + " visible sections as the list and the case views); RESULTS_PUBLIC the same, but leaves out every"
                    + " case whose tier is SECRET; PUBLICLY_KNOWN exactly what the public register (GET /public/cases,"
                    + " /public/cases/{id}/coded) shows, the same whoever exports, admins and members included (team="
                    + "mine is refused with it). csv: a leading comment line '# Parley export … reader=… at=…"
                    + " ledger=…', a header row, then one row per case: id, externalReference (the reference a bulk"
                    + " import matched it by, empty for a case never imported), title, country, period (start/end as"
                    + " written), tier, then one column per codebook dimension outside those (codebook key as name, in"
                    + " the codebook's order). A cell joins several values, and the values of a repeated block's"
                    + " entries, with ';' (a ';' or '\\' inside a value is escaped with '\\'); a number is written 14, a range"
                    + " low..high (5..6). An empty cell is either uncoded or in a section the caller may not see (or"
                    + " above the ceiling): the two are not told apart. json: {meta, cases}: meta is the watermark"
                    + " (reader, subject, at, ledger), format, ceiling, filters and count; cases are the coded"
                    + " documents GET /cases/{id}/coded answers this caller (or the register, under PUBLICLY_KNOWN),"
                    + " with their externalReference when imported (never under PUBLICLY_KNOWN),"
                    + " citations of interview excerpts included only where that view includes them. The export is"
                    + " recorded in the ledger (ExportMade: format, ceiling, filters, count; a q is recorded as used,"
                    + " never its words) before the first byte; the watermark's ledger id is that entry's eventId in"
                    + " GET /ledger.")
    @APIResponse(
            responseCode = "200",
            description = "The export, streamed",
            content = {
                @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT))
            })
    @APIResponse(
            responseCode = "400",
            description = "A missing or unknown format or ceiling, a bad filter, or a page parameter, named",
            content = @Content(mediaType = CasesApi.PROBLEM, schema = @Schema(ref = "Problem")))
    Response export(
            @QueryParam("format") @Parameter(description = "csv or json", required = true) String format,
            @QueryParam("ceiling")
                    @Parameter(
                            description = "The strictest tier whose content the file may hold",
                            required = true,
                            schema = @Schema(enumeration = {"SECRET", "RESULTS_PUBLIC", "PUBLICLY_KNOWN"}))
                    String ceiling,
            @BeanParam CaseListFilters filters,
            @QueryParam("team") @Parameter(description = "mine: only cases whose team the caller is on") String team);
}
