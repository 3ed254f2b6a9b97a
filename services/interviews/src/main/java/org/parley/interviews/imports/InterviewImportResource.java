package org.parley.interviews.imports;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.parley.interviews.api.ImportRefusal;
import org.parley.interviews.api.ImportReport;
import org.parley.interviews.api.InterviewImportApi;
import org.parley.interviews.problems.InterviewProblems;
import org.parley.web.CallerIdentity;
import org.parley.web.Problem;

@Authenticated
@Tag(name = "interviews")
@APIResponse(
        responseCode = "401",
        description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Path("/interviews/import")
public class InterviewImportResource implements InterviewImportApi {

    private final CallerIdentity caller;
    private final InterviewImport imports;

    @Inject
    public InterviewImportResource(CallerIdentity caller, InterviewImport imports) {
        this.caller = caller;
        this.imports = imports;
    }

    @Override
    // The parameter repeats the interface's name and default: the parameter converters (parley-web) read the name
    // from the implementing method, so "dryRun=maybe" is a 400 naming it, never a real import.
    public ImportReport importFile(@QueryParam("dryRun") @DefaultValue("true") boolean dryRun, byte[] file) {
        return imports.run(caller.viewer(), file, dryRun);
    }

    /** A real import with rows in error: 422, the report in the problem's member {@code rows}; nothing written. */
    @ServerExceptionMapper
    public Response refused(ImportRefused e) {
        ImportReport report = e.report();
        Problem problem = InterviewProblems.unprocessable(
                "import-has-errors",
                report.errors() + " of " + report.rows().size() + " rows have errors; nothing was imported.");
        return Response.status(422)
                .type(Problem.MEDIA_TYPE)
                .entity(new ImportRefusal(
                        problem.type(), problem.title(), problem.status(), problem.detail(), report.rows()))
                .build();
    }
}
