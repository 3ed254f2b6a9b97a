package org.parley.console.ledger;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.RestQuery;
import org.parley.console.clients.LedgerClient;
import org.parley.console.web.Ctx;
import org.parley.console.web.Paths;
import org.parley.events.api.LedgerEntryView;
import org.parley.events.api.VerificationReport;

/** The audit ledger for auditors: filters, pages, and whether the hash chain verifies. */
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
    }

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance ledger(
                Filter filter,
                LedgerEntryView.Page page,
                VerificationReport verification,
                boolean invalidFilter,
                String nextUrl);
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
        LedgerEntryView.Page page;
        boolean invalid = false;
        try {
            page = events.entries(
                    filter.caseId(),
                    filter.actor(),
                    filter.organisation(),
                    filter.type(),
                    startOf(filter.from(), 0),
                    startOf(filter.to(), 1),
                    Paths.blankToNull(cursor),
                    50);
        } catch (ClientWebApplicationException e) {
            if (e.getResponse() == null || e.getResponse().getStatus() != 400) {
                throw e;
            }
            page = new LedgerEntryView.Page(java.util.List.of(), null);
            invalid = true;
        }
        String next = page.nextCursor() == null ? null : filter.url(page.nextCursor());
        return ctx.render(Templates.ledger(filter, page, verification, invalid, next));
    }

    /** A day as the instant it starts (plus days), for the service's from (inclusive) and to (exclusive). */
    private static String startOf(String day, int plusDays) {
        if (day == null) {
            return null;
        }
        try {
            return LocalDate.parse(day)
                    .plusDays(plusDays)
                    .atStartOfDay()
                    .toInstant(ZoneOffset.UTC)
                    .toString();
        } catch (DateTimeParseException e) {
            return "invalid"; // the service names the field
        }
    }
}
