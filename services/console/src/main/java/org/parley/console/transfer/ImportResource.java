package org.parley.console.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.parley.console.clients.CaseImportClient;
import org.parley.console.clients.InterviewImportClient;
import org.parley.console.clients.Problem;
import org.parley.console.web.Ctx;

/**
 * Bulk import for staff: a file of cases (JSON or CSV) or interviews (JSON) is first sent as a dry run, whose per-row
 * report is shown; "Confirm import" sends the same file again for real, and the result (or, when a row failed
 * meanwhile, the report of why nothing was imported) is shown the same way.
 *
 * <p>Between the two requests the file travels in the report page itself, base64 in a hidden field of the confirm
 * form (multipart, CSRF token like every form). The console keeps no state of its own (no database, a session cookie
 * that holds only tokens), so this keeps nothing on the server and nothing in a URL; the page is no-store; and since
 * the service checks every row again on the real import, a field changed in the browser gains nothing. The file's
 * 5 MiB limit (the services') is 6.7 MB in base64, within the console's form limits (application.properties).
 */
@Path("/import")
@RolesAllowed("staff")
@Produces(MediaType.TEXT_HTML)
public class ImportResource {

    private final Ctx ctx;
    private final ObjectMapper json;

    @Inject
    public ImportResource(Ctx ctx, ObjectMapper json) {
        this.ctx = ctx;
        this.json = json;
    }

    @RestClient
    CaseImportClient cases;

    @RestClient
    InterviewImportClient interviews;

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance form(
                List<ImportKind> kinds, String kind, Problem problem, boolean noFile);

        public static native TemplateInstance report(
                ImportReportView report, boolean refused, String kind, String fileName, String content);
    }

    @GET
    public TemplateInstance form() {
        return ctx.render(Templates.form(List.of(ImportKind.values()), ImportKind.CASES_JSON.form(), null, false));
    }

    /** The dry run: the report, and the form that confirms it. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response dryRun(@RestForm String kind, @RestForm("file") FileUpload file) throws IOException {
        Optional<ImportKind> chosen = ImportKind.of(kind);
        byte[] content = file == null ? new byte[0] : Files.readAllBytes(file.uploadedFile());
        if (chosen.isEmpty() || content.length == 0) {
            return ctx.page(400, Templates.form(List.of(ImportKind.values()), kind, null, true));
        }
        String fileName = file.fileName();
        return send(chosen.get(), content, true, fileName);
    }

    /** The real import of the file the dry run showed. */
    @POST
    @Path("/confirm")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response confirm(@RestForm String kind, @RestForm String content) {
        Optional<ImportKind> chosen = ImportKind.of(kind);
        byte[] file;
        try {
            file = content == null ? new byte[0] : Base64.getDecoder().decode(content);
        } catch (IllegalArgumentException damaged) {
            file = new byte[0];
        }
        if (chosen.isEmpty() || file.length == 0) {
            return ctx.page(400, Templates.form(List.of(ImportKind.values()), kind, null, true));
        }
        return send(chosen.get(), file, false, null);
    }

    private Response send(ImportKind kind, byte[] file, boolean dryRun, String fileName) {
        try {
            JsonNode report = switch (kind) {
                case CASES_JSON -> cases.importJson(dryRun, file);
                case CASES_CSV -> cases.importCsv(dryRun, file);
                case INTERVIEWS_JSON -> json.valueToTree(interviews.importFile(dryRun, file));
            };
            String carried = dryRun ? Base64.getEncoder().encodeToString(file) : null;
            return ctx.page(
                    200,
                    Templates.report(ImportReportView.of(report, dryRun, kind), false, kind.form(), fileName, carried));
        } catch (ClientWebApplicationException e) {
            int status = e.getResponse() == null ? 502 : e.getResponse().getStatus();
            if (status == 422) {
                JsonNode refusal = e.getResponse().readEntity(JsonNode.class);
                return ctx.page(
                        422,
                        Templates.report(
                                ImportReportView.of(refusal, dryRun, kind), true, kind.form(), fileName, null));
            }
            if (status == 400 || status == 413) {
                // the service's problem names the limit or what is malformed; never a value of the file
                return ctx.page(
                        status, Templates.form(List.of(ImportKind.values()), kind.form(), Problem.of(e), false));
            }
            throw e;
        }
    }
}
