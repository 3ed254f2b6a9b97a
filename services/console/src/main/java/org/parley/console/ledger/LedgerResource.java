package org.parley.console.ledger;

import java.io.InputStream;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.RestQuery;
import org.parley.console.clients.ColleaguesClient;
import org.parley.console.clients.LedgerClient;
import org.parley.console.clients.Problem;
import org.parley.console.web.Ctx;
import org.parley.console.web.Paths;
import org.parley.events.api.LedgerApi;
import org.parley.events.api.LedgerEntryView;
import org.parley.events.api.VerificationReport;

/**
 * The audit ledger for auditors: newest first, filters, one entry with its hashes and checkpoint, the export of a
 * date range with its proof, and whether the hash chain verifies.
 */
@Path("/ledger")
@RolesAllowed("auditor")
@Produces(MediaType.TEXT_HTML)
public class LedgerResource {

    private final Ctx ctx;

    @Inject
    public LedgerResource(Ctx ctx) {
        this.ctx = ctx;
    }

    @RestClient
    LedgerClient events;

    @RestClient
    ColleaguesClient colleagues;

    public record Filter(String caseId, String actor, String organisation, String type, String from, String to) {
        public String url(String cursor) {
            String query = Paths.param("case", caseId)
                    + Paths.param("actor", actor)
                    + Paths.param("organisation", organisation)
                    + Paths.param("type", type)
                    + Paths.param("from", from)
                    + Paths.param("to", to)
                    + Paths.param("cursor", cursor);
            return "/ledger" + (query.isEmpty() ? "" : "?" + query.substring(1));
        }

        /** The export of this filter's date range (the other filters do not apply to a chain's range). */
        public String exportUrl() {
            String query = Paths.param("from", from) + Paths.param("to", to);
            return "/ledger/export" + (query.isEmpty() ? "" : "?" + query.substring(1));
        }
    }

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance ledger(
                Filter filter,
                LedgerEntryView.Page page,
                VerificationReport verification,
                List<String> invalidFields,
                String nextUrl,
                List<String> types,
                ActorNames names);

        public static native TemplateInstance detail(LedgerEntryView.Detail detail, LedgerEntryView.PublicKey key);
    }

    @GET
    public TemplateInstance ledger(
            @RestQuery("case") String caseId,
            @RestQuery String actor,
            @RestQuery String organisation,
            @RestQuery String type,
            @RestQuery String from,
            @RestQuery String to,
            @RestQuery String cursor) {
        Filter filter = new Filter(
                Paths.blankToNull(caseId),
                Paths.blankToNull(actor),
                Paths.blankToNull(organisation),
                Paths.blankToNull(type),
                Paths.blankToNull(from),
                Paths.blankToNull(to));
        VerificationReport verification = events.verify(null);
        ActorNames names = actorNames();
        LedgerEntryView.Page page;
        List<String> invalid = List.of();
        try {
            page = events.entries(
                    filter.caseId(),
                    names.subjectFor(filter.actor()),
                    filter.organisation(),
                    filter.type(),
                    filter.from(),
                    filter.to(),
                    null,
                    Paths.blankToNull(cursor),
                    50);
        } catch (ClientWebApplicationException e) {
            if (e.getResponse() == null || e.getResponse().getStatus() != 400) {
                throw e;
            }
            page = new LedgerEntryView.Page(List.of(), null);
            invalid = Problem.of(e).fieldNames("filter");
        }
        String next = page.nextCursor() == null ? null : filter.url(page.nextCursor());
        return ctx.render(
                Templates.ledger(filter, page, verification, invalid, next, LedgerEntryView.EVENT_TYPES, names));
    }

    /** Without an answer from access the actors are shown as subjects, as before: the ledger still reads. */
    private ActorNames actorNames() {
        try {
            return new ActorNames(colleagues.colleagues());
        } catch (ClientWebApplicationException | jakarta.ws.rs.ProcessingException e) {
            return ActorNames.none();
        }
    }

    /** One entry (by sequence or event id): its hashes and the checkpoint that covers it. */
    @GET
    @Path("{ref}")
    public TemplateInstance entry(@PathParam("ref") String ref) {
        return ctx.render(Templates.detail(events.entry(ref), events.publicKey()));
    }

    /**
     * The export of a date range, passed through as the events service writes it: the browser holds no token for
     * the service, so the download goes through the console.
     */
    @GET
    @Path("export")
    @Produces({LedgerApi.JSON_LINES, MediaType.TEXT_HTML})
    public Response export(@RestQuery String from, @RestQuery String to) {
        Response answer = events.export(Paths.blankToNull(from), Paths.blankToNull(to));
        InputStream body = answer.readEntity(InputStream.class);
        StreamingOutput copy = out -> {
            try (InputStream in = body) {
                in.transferTo(out);
            }
        };
        return Response.ok(copy, LedgerApi.JSON_LINES)
                .header(HttpHeaders.CONTENT_DISPOSITION, answer.getHeaderString(HttpHeaders.CONTENT_DISPOSITION))
                .build();
    }
}
