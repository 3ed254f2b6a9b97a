package org.parley.console.identity;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.parley.console.clients.IdentityClient;
import org.parley.console.clients.IdentityLookupClient;
import org.parley.console.clients.Problem;
import org.parley.console.web.ActionFailed;
import org.parley.console.web.Ctx;
import org.parley.console.web.Paths;
import org.parley.interviews.api.InterviewLookupFilters;
import org.parley.interviews.api.InterviewLookupPage;
import org.parley.interviews.api.Reveal;
import org.parley.interviews.api.Revealed;

/**
 * For the identity custodian: find the interview (a lookup that shows no content), then reveal its interviewee's
 * identity with a reason that the interviews service records. The answer is shown once, never cached, never put in a
 * URL. Whatever goes wrong, the page comes back with everything typed still in its fields.
 */
@Path("/identity")
@RolesAllowed("identity-custodian")
@Produces(MediaType.TEXT_HTML)
public class IdentityResource {

    static final int PAGE = 20;

    private final Ctx ctx;

    @Inject
    public IdentityResource(Ctx ctx) {
        this.ctx = ctx;
    }

    @RestClient
    IdentityClient interviews;

    @RestClient
    IdentityLookupClient lookups;

    /** The lookup as typed, and what it found (null before a search, or when the service refused a value). */
    public record Lookup(
            String pseudonym,
            String from,
            String to,
            String category,
            String country,
            InterviewLookupPage found,
            List<String> invalidFields) {

        /** The criteria as typed, not looked up yet. */
        static Lookup typed(String pseudonym, String from, String to, String category, String country) {
            return new Lookup(
                    Paths.blankToNull(pseudonym),
                    Paths.blankToNull(from),
                    Paths.blankToNull(to),
                    Paths.blankToNull(category),
                    Paths.blankToNull(country),
                    null,
                    List.of());
        }

        /** The criteria as query parameters, each starting with {@code &}. */
        private String criteria() {
            return Paths.param("pseudonym", pseudonym)
                    + Paths.param("from", from)
                    + Paths.param("to", to)
                    + Paths.param("category", category)
                    + Paths.param("country", country);
        }

        /**
         * The reveal form filled with {@code interview}, the criteria kept in the search form. The lookup is not run
         * again (each page of matches shown is one ledgered lookup).
         */
        public String revealUrl(Object interview) {
            return "/identity?" + (criteria() + Paths.param("interview", interview.toString())).substring(1)
                    + "#reveal-form";
        }

        public String nextUrl() {
            return found == null || found.nextCursor() == null
                    ? null
                    : "/identity?" + (criteria() + "&find=1" + Paths.param("cursor", found.nextCursor())).substring(1);
        }
    }

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance identity(
                Lookup lookup, String interview, String reason, Revealed revealed, List<Reveal> log, String err);
    }

    /**
     * The page: with {@code find}, the lookup's matches (each with a Reveal link that comes back here with the reveal
     * form filled); with {@code interview}, that reference in the reveal form.
     */
    @GET
    public Response page(
            @RestQuery String pseudonym,
            @RestQuery String from,
            @RestQuery String to,
            @RestQuery String category,
            @RestQuery String country,
            @RestQuery String find,
            @RestQuery String cursor,
            @RestQuery String interview) {
        Lookup typed = Lookup.typed(pseudonym, from, to, category, country);
        Lookup lookup = find == null ? typed : lookup(typed, Paths.blankToNull(cursor));
        int status = lookup.invalidFields().isEmpty() ? 200 : 400;
        return ctx.page(
                status, Templates.identity(lookup, interview == null ? "" : interview, "", null, List.of(), null));
    }

    private Lookup lookup(Lookup typed, String cursor) {
        try {
            InterviewLookupPage found = lookups.lookup(InterviewLookupFilters.of(
                    typed.pseudonym(), typed.from(), typed.to(), typed.category(), typed.country(), cursor, PAGE));
            return new Lookup(
                    typed.pseudonym(), typed.from(), typed.to(), typed.category(), typed.country(), found, List.of());
        } catch (ClientWebApplicationException e) {
            if (e.getResponse() == null || e.getResponse().getStatus() != 400) {
                throw e;
            }
            return new Lookup(
                    typed.pseudonym(),
                    typed.from(),
                    typed.to(),
                    typed.category(),
                    typed.country(),
                    null,
                    Problem.of(e).fieldNames("search"));
        }
    }

    /** The reveal form carries the search's criteria too, so that they stay in the search form, found or not. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reveal(
            @RestForm String interview,
            @RestForm String reason,
            @RestForm String pseudonym,
            @RestForm String from,
            @RestForm String to,
            @RestForm String category,
            @RestForm String country) {
        Lookup typed = Lookup.typed(pseudonym, from, to, category, country);
        String typedId = interview == null ? "" : interview;
        String typedReason = reason == null ? "" : reason;
        String id = Paths.blankToNull(typedId.strip());
        if (!Paths.isId(id)) {
            // a typo: the form again with everything typed, not the "not found" page
            return ctx.page(404, Templates.identity(typed, typedId, typedReason, null, List.of(), "not_found"));
        }
        try {
            Revealed revealed = interviews.reveal(id, Map.of("reason", typedReason));
            // the log this reveal just joined: who read this identity before, and why
            List<Reveal> log = interviews.reveals(id);
            return ctx.page(200, Templates.identity(typed, id, "", revealed, log, null));
        } catch (ClientWebApplicationException e) {
            int status = e.getResponse() == null ? 502 : e.getResponse().getStatus();
            String err = ActionFailed.isNotFound(e) ? "not_found" : ActionFailed.key(e);
            return ctx.page(
                    status >= 400 && status < 500 ? status : 502,
                    Templates.identity(typed, typedId, typedReason, null, List.of(), err));
        }
    }
}
