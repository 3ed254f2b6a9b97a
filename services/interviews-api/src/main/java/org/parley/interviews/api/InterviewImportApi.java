package org.parley.interviews.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Bulk import of interviews from a JSON file (issue 20): a dry run reports what each row would do; a real import
 * writes every row or none, in one transaction.
 */
@Path("/interviews/import")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "interviews")
public interface InterviewImportApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Import interviews from a file",
            description = "Staff only. The body is a JSON array (at most 500 rows, 5 MiB) of the documents POST"
                    + " /interviews takes, each with a required externalReference (at most 200 characters, unique in"
                    + " the file): the importer's own reference, never a name. Every row gets the checks POST"
                    + " /interviews makes (a linked case the importer may not link is refused in the same words as"
                    + " one that never existed); identities go to the vault. A reference the importer already"
                    + " imported is UNCHANGED, whatever the row holds now: an import never changes an interview, so"
                    + " a rerun of the same file creates nothing twice. dryRun=true (the default) writes nothing and"
                    + " reports what each row would do; dryRun=false imports every row in one transaction, or none"
                    + " when any row has errors (422, the same report in the problem's member rows).")
    @APIResponse(
            responseCode = "200",
            description = "The report: each row's action and errors, and the counts",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(
            responseCode = "400",
            description = "Not a JSON array of objects, an empty file, more than 500 rows, or a dryRun other than"
                    + " true or false",
            content = @Content(mediaType = InterviewsApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "403",
            description = "Not staff",
            content = @Content(mediaType = InterviewsApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "413",
            description = "A file over 5 MiB",
            content = @Content(mediaType = InterviewsApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "422",
            description = "A real import with rows in error: nothing was written. The problem's extension member"
                    + " rows is the report (ImportRefusal)",
            content = @Content(mediaType = InterviewsApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "503",
            description = "Access rules are being refreshed: nothing is imported, try again",
            content = @Content(mediaType = InterviewsApi.PROBLEM, schema = @Schema(ref = "Problem")))
    ImportReport importFile(
            @QueryParam("dryRun")
                    @DefaultValue("true")
                    @Parameter(description = "true (the default): report only; false: import")
                    boolean dryRun,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(type = SchemaType.ARRAY)))
                    byte[] file);
}
