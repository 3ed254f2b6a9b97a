package org.parley.cases.imports;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import org.parley.cases.api.ExportApi;
import org.parley.cases.api.ImportApi;
import org.parley.cases.api.ImportReport;
import org.parley.web.CallerIdentity;
import org.parley.web.Problem;
import org.parley.web.ProblemException;
import org.parley.web.Problems;
import org.parley.web.RequestJson;

/**
 * {@code POST /cases/import}; its description is {@link ImportApi}'s. Staff only, as {@code POST /cases}: an import
 * opens cases.
 */
public class ImportResource implements ImportApi {

    private static final String REFUSED_TYPE = "https://parley.example/problems/import-refused";

    private final CallerIdentity caller;
    private final Imports imports;
    private final RequestJson requestJson;

    @Inject
    public ImportResource(CallerIdentity caller, Imports imports, RequestJson requestJson) {
        this.caller = caller;
        this.imports = imports;
        this.requestJson = requestJson;
    }

    @Override
    @RolesAllowed("staff")
    // The parameters repeat the interface's names: parley-web's converters read them from the implementation.
    public Response importCases(
            @QueryParam("dryRun") String dryRun, @HeaderParam("Content-Type") String contentType, byte[] body) {
        boolean dry = dryRun(dryRun);
        if (body == null || body.length == 0) {
            throw new ProblemException(Problems.badRequest("The body is empty: send the file to import."));
        }
        // The file is read as UTF-8 whatever charset the type names (clients add one of their own; the export
        // writes UTF-8): a file that is not UTF-8 is refused as such.
        MediaType type = MediaType.valueOf(contentType);
        boolean csv = type.isCompatible(MediaType.valueOf(ExportApi.CSV));
        List<ImportedRow> rows =
                csv ? CsvImportFile.read(body) : JsonImportFile.read(body, requestJson.getContext(JsonNode.class));
        ImportReport report = imports.run(caller.viewer(), csv ? "csv" : "json", rows, dry);
        if (!dry && report.errors() > 0) {
            return Response.status(422)
                    .type(Problem.MEDIA_TYPE)
                    .entity(new ImportReport.Refused(
                            REFUSED_TYPE,
                            "Unprocessable Content",
                            422,
                            report.errors() + (report.errors() == 1 ? " row is" : " rows are")
                                    + " refused, so nothing was imported: correct "
                                    + (report.errors() == 1 ? "it" : "them") + " and import the file again.",
                            report.rows()))
                    .build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    /** Strictly true or false: a typo must never turn a dry run into an import. */
    private static boolean dryRun(String value) {
        if (value == null || value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        throw new ProblemException(
                Problems.invalid(List.of(new Problem.FieldError("dryRun", "must be true or false"))));
    }
}
