package org.parley.console.cases;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.parley.cases.api.NewTimelineEntry;
import org.parley.cases.api.TimelineKind;
import org.parley.cases.api.codebook.Codebook;
import org.parley.console.clients.CasesClient;
import org.parley.console.clients.Problem;
import org.parley.console.web.Flash;
import org.parley.console.web.Paths;
import org.parley.console.web.ServiceErrors;

/**
 * The members' edits of a case: the header's form as a JSON merge patch, each coded section's form as the whole
 * section, and a new timeline entry. The cases service decides who may edit and checks every value.
 */
@Path("/cases")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class SectionEdits {

    private final CaseActions actions;
    private final CaseDetailPage detail;
    private final CodedWords words;
    private final ServiceErrors errors;

    @Inject
    public SectionEdits(CaseActions actions, CaseDetailPage detail, CodedWords words, ServiceErrors errors) {
        this.actions = actions;
        this.detail = detail;
        this.words = words;
        this.errors = errors;
    }

    @RestClient
    CasesClient cases;

    @POST
    @Path("/{id}/header")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response editHeader(
            @RestPath String id,
            @RestForm long version,
            @RestForm String title,
            @RestForm String country,
            @RestForm String region,
            @RestForm String status,
            @RestForm String start,
            @RestForm String end) {
        // the coded header keeps a year or a month as written; the first shape would make it a day
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("start", Paths.blankToNull(start));
        period.put("end", Paths.blankToNull(end));
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("title", Paths.blankToNull(title));
        patch.put("country", country == null ? null : country.strip().toUpperCase(Locale.ROOT));
        patch.put("region", Paths.blankToNull(region));
        patch.put("status", Paths.blankToNull(status));
        patch.put("period", period);
        return edit(id, "header", version, patch);
    }

    /**
     * One coded section's form (context, process, results) as the whole section ({@code PUT
     * /cases/{id}/coded/{section}}). "Add another" draws the form again as typed with one more blank entry; a value
     * the form or the service refuses draws it again with each error next to its field, in the reader's words.
     */
    @POST
    @Path("/{id}/coded/{section}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response editCoded(@RestPath String id, @RestPath String section, MultivaluedMap<String, String> form) {
        String name = section == null ? null : section.toUpperCase(Locale.ROOT);
        if (!Paths.isId(id) || !CasePages.SECTIONS.contains(name)) {
            return errors.notFound();
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        form.forEach((field, values) -> {
            if (!NOT_CODED.contains(field)) {
                fields.put(field, values);
            }
        });
        String path = name.toLowerCase(Locale.ROOT);
        String typedVersion = form.getFirst("version");
        if (typedVersion == null || !typedVersion.matches("\\d{1,18}")) {
            return CaseActions.back(id, "err=stale", path); // not drawn by the page: as if stale
        }
        // drawn again, the form keeps the version it was drawn from, so a change made meanwhile is still a 412
        CasePages.Typed typed = new CasePages.Typed(name, Long.parseLong(typedVersion), fields, Map.of());
        CodedForm.Parsed parsed = CodedForm.parse(Codebook.standard(), name, fields);
        if (form.containsKey("add")) {
            return again(id, typed, 200);
        }
        if (!parsed.errors().isEmpty()) {
            return again(id, typed.with(words.of(parsed.errors())), 400);
        }
        try {
            cases.editCoded(id, path, Paths.etag(typed.version()), parsed.document());
            return CaseActions.back(id, "done=saved", path);
        } catch (ClientWebApplicationException e) {
            if (e.getResponse() == null || e.getResponse().getStatus() != 400) {
                return actions.failed(id, e, path);
            }
            return again(id, typed.with(words.of(refused(name, parsed, Problem.of(e)))), 400);
        }
    }

    /** The fields of a coded form that are not the section's: the form's own. */
    private static final Set<String> NOT_CODED = Set.of("csrf-token", "version", "add");

    /** The service's refusals by form field; one the form has no field for is {@code ""} (said above the form). */
    private static Map<String, CodedForm.FieldError> refused(String section, CodedForm.Parsed parsed, Problem problem) {
        Map<String, CodedForm.FieldError> refused = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Problem.FieldError> named = problem.errors() == null ? List.of() : problem.errors();
        for (Problem.FieldError error : named) {
            String field = parsed.formField(section, error.field());
            if (field == null) {
                refused.putIfAbsent("", CodedForm.FieldError.of(CodedForm.Kind.OTHER));
            } else {
                refused.putIfAbsent(field, parsed.reason(field, error.field(), today));
            }
        }
        if (refused.isEmpty()) {
            refused.put("", CodedForm.FieldError.of(CodedForm.Kind.OTHER));
        }
        return refused;
    }

    private Response again(String id, CasePages.Typed typed, int status) {
        try {
            return Response.status(status)
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(detail.page(id, Flash.of(null, typed.errors().isEmpty() ? null : "invalid"), typed)
                            .render())
                    .header("Cache-Control", "no-store")
                    .build();
        } catch (ClientWebApplicationException e) {
            return actions.failed(id, e, typed.section().toLowerCase(Locale.ROOT));
        }
    }

    @POST
    @Path("/{id}/timeline")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addTimelineEntry(
            @RestPath String id,
            @RestForm long version,
            @RestForm String date,
            @RestForm String kind,
            @RestForm String summary) {
        return actions.run(id, "process", () -> {
            NewTimelineEntry entry;
            try {
                entry = new NewTimelineEntry(
                        // as typed: a year, a month or a day, checked by the codebook
                        Paths.blankToNull(date),
                        Paths.blankToNull(kind) == null ? null : TimelineKind.valueOf(kind.strip()),
                        Paths.blankToNull(summary));
            } catch (IllegalArgumentException e) {
                // the form offers the kinds: anything else was not typed in it
                return "err=invalid";
            }
            cases.addTimelineEntry(id, Paths.etag(version), entry).close();
            return "done=entry-added";
        });
    }

    /** A merge patch of one coded section, through the codebook's shape (dates keep their precision). */
    private Response edit(String id, String section, long version, Map<String, Object> patch) {
        return actions.run(id, "edit", () -> {
            cases.patchCoded(id, section, Paths.etag(version), patch);
            return "done=saved";
        });
    }
}
